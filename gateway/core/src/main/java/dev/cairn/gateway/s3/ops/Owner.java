package dev.cairn.gateway.s3.ops;

import dev.cairn.gateway.s3.S3Settings;
import dev.cairn.gateway.s3.xml.XmlWriter;

/** The one owner of everything in a single-tenant gateway: the configured access key. */
final class Owner {
    private Owner() {
    }

    static void write(XmlWriter w, S3Settings settings) {
        w.start("Owner").element("ID", settings.accessKey()).element("DisplayName", settings.accessKey()).end();
    }
}
