package dev.cairn.gateway.s3.ops;

import static dev.cairn.gateway.s3.ops.ObjectTestSupport.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.memory.MemoryBlobStoreProvider;
import dev.cairn.blob.testkit.GatedCompletionStore;
import dev.cairn.gateway.http.HttpResult;
import dev.cairn.gateway.http.ResponseBody;
import dev.cairn.gateway.s3.S3Settings;
import dev.cairn.gateway.s3.S3TestClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Keep-alive whitespace on a slow CompleteMultipartUpload: what the API hands the server, byte by
 * byte and flush by flush, while a gated store holds the completion (threshold 200 ms, a space
 * every 40 ms); and a completion retried after its commit point.
 */
class CompleteKeepAliveTest {
    private static final String DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final S3Settings.KeepAlive KEEP_ALIVE = new S3Settings.KeepAlive(Duration.ofMillis(200), Duration.ofMillis(40));

    private final GatedCompletionStore store = new GatedCompletionStore(
            new MemoryBlobStoreProvider().open(new BackendSettings(Path.of("."), Map.of("memory.max-bytes", "64MiB"))));
    private final S3TestClient s3 = new S3TestClient(store, s -> s.withPartSizes(8, 1 << 20).withCompleteKeepAlive(KEEP_ALIVE));
    private String uploadId;
    private List<String> etags;

    @BeforeEach
    void upload() {
        assertEquals(200, s3.request("PUT", "/bkt").send().status());
        S3TestClient.Response created = s3.request("POST", "/bkt/big").query("uploads", null).send();
        uploadId = element(created.text(), "UploadId");
        etags = new ArrayList<>();
        for (String body : List.of("part-one-bytes", "part-two")) {
            S3TestClient.Response r = s3.request("PUT", "/bkt/big").query("partNumber", Integer.toString(etags.size() + 1))
                    .query("uploadId", uploadId).body(body).send();
            assertEquals(200, r.status(), r.text());
            etags.add(r.header("ETag"));
        }
    }

    private S3TestClient.Request complete(List<String> partEtags) {
        StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
        for (int i = 0; i < partEtags.size(); i++) {
            xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>").append(partEtags.get(i)).append("</ETag></Part>");
        }
        return s3.request("POST", "/bkt/big").query("uploadId", uploadId).body(xml.append("</CompleteMultipartUpload>").toString());
    }

    @Test
    void aFastCompletionIsAnsweredAsUsual() {
        store.open();
        HttpResult r = complete(etags).exchange();
        assertEquals(200, r.status());
        assertNotEquals(ResponseBody.UNKNOWN_LENGTH, r.body().length(), "a fast answer has its length");
        assertTrue(r.header("x-cairn-b3") != null, "a fast answer keeps its headers");
        String text = written(r);
        assertTrue(text.startsWith(DECL + "<CompleteMultipartUploadResult"), text);
    }

    @Test
    void aFastFailureKeepsItsStatus() {
        store.open();
        assertError(complete(List.of(etags.get(0), "\"00000000000000000000000000000000\"")).send(), 400, "InvalidPart");
    }

    @Test
    void aSlowCompletionCommits200ThenSendsSpacesThenTheResult() throws Exception {
        HttpResult r = complete(etags).exchange();
        assertEquals(200, r.status());
        assertEquals("application/xml", r.header("Content-Type"));
        assertEquals(ResponseBody.UNKNOWN_LENGTH, r.body().length(), "sent chunked: no Content-Length");
        assertNull(r.header("x-cairn-b3"), "headers are sent before the object exists");

        FlushRecorder wire = new FlushRecorder();
        CompletableFuture<Void> writing = writeInBackground(r, wire);
        wire.awaitFlushes(4);
        // four flushes in, the store is still completing: the client has the declaration and spaces only
        String sofar = wire.flushedText();
        assertTrue(sofar.matches("(?s)" + Pattern.quote(DECL) + " {3,}"), "[" + sofar + "]");
        assertThrows(BlobStoreException.class, () -> store.stat(new BlobKey("bkt", "big")));

        store.open();
        writing.get(10, TimeUnit.SECONDS);
        String all = wire.text();
        Matcher m = Pattern.compile("(?s)" + Pattern.quote(DECL) + "( +)<CompleteMultipartUploadResult [^>]*>.*</CompleteMultipartUploadResult>")
                .matcher(all);
        assertTrue(m.matches(), all);
        Document doc = parse(all);
        assertEquals(store.stat(new BlobKey("bkt", "big")).etag(), doc.getElementsByTagName("ETag").item(0).getTextContent().replace("\"", ""));
        assertEquals("part-one-bytespart-two", s3.request("GET", "/bkt/big").send().text());
    }

    @Test
    void aSlowFailureIsAnErrorDocumentInsideThe200() throws Exception {
        HttpResult r = complete(List.of(etags.get(0), "\"00000000000000000000000000000000\"")).exchange();
        assertEquals(200, r.status());
        FlushRecorder wire = new FlushRecorder();
        CompletableFuture<Void> writing = writeInBackground(r, wire);
        wire.awaitFlushes(3);
        store.open();
        writing.get(10, TimeUnit.SECONDS);
        String all = wire.text();
        assertTrue(all.matches("(?s)" + Pattern.quote(DECL) + " +<Error><Code>InvalidPart</Code>.*</Error>"), all);
        Document doc = parse(all);
        assertEquals("/bkt/big", doc.getElementsByTagName("Resource").item(0).getTextContent());
        assertFalse(doc.getElementsByTagName("RequestId").item(0).getTextContent().isEmpty());
        // the upload is untouched: a correct completion still works
        assertEquals(200, complete(etags).send().status());
    }

    @Test
    void aClientThatLeavesDoesNotStopTheCompletionAndItsRetrySucceeds() throws Exception {
        HttpResult r = complete(etags).exchange();
        FlushRecorder wire = new FlushRecorder();
        wire.failAfterFlushes = 2;
        IOException gone = assertThrows(IOException.class, () -> {
            try (ResponseBody body = r.body()) {
                body.writeTo(wire);
            }
        });
        assertEquals("connection reset (test)", gone.getMessage());
        store.open();
        // the completion goes on without the client and publishes the object
        String etag = null;
        for (int i = 0; i < 200 && etag == null; i++) {
            try {
                etag = store.stat(new BlobKey("bkt", "big")).etag();
            } catch (BlobStoreException notYet) {
                Thread.sleep(25);
            }
        }
        assertTrue(etag != null, "the completion never committed");
        // the client retries: S3 answers a retry after the commit point with the object
        S3TestClient.Response retried = complete(etags).send();
        assertEquals(200, retried.status(), retried.text());
        assertEquals("\"" + etag + "\"", element(retried.text(), "ETag").replace("&quot;", "\""));
    }

    @Test
    void aRetryAfterTheCommitPointAnswersTheSameEtagButOnlyForTheSameParts() {
        store.open();
        S3TestClient.Response first = complete(etags).send();
        assertEquals(200, first.status());
        S3TestClient.Response again = complete(etags).send();
        assertEquals(200, again.status(), again.text());
        assertEquals(element(first.text(), "ETag"), element(again.text(), "ETag"));
        // other parts, or a prefix of them, name no completed upload
        assertError(complete(etags.subList(0, 1)).send(), 404, "NoSuchUpload");
        assertError(complete(List.of(etags.get(1), etags.get(0))).send(), 404, "NoSuchUpload");
        assertError(complete(List.of(etags.get(0), "not-an-md5")).send(), 404, "NoSuchUpload");
        // and the upload really is over
        assertError(s3.request("DELETE", "/bkt/big").query("uploadId", uploadId).send(), 404, "NoSuchUpload");
    }

    @Test
    void keepAliveOffWaitsForTheRealStatus() {
        S3TestClient plain = new S3TestClient(store, s -> s.withPartSizes(8, 1 << 20).withCompleteKeepAlive(S3Settings.KeepAlive.OFF));
        CompletableFuture<S3TestClient.Response> answer = CompletableFuture.supplyAsync(() -> plain.request("POST", "/bkt/big")
                .query("uploadId", uploadId).body("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"00000000000000000000000000000000\"</ETag></Part></CompleteMultipartUpload>")
                .send());
        try {
            assertTrue(store.awaitEntered(10, TimeUnit.SECONDS));
            Thread.sleep(300); // past the threshold the keep-alive variant would have committed 200
            assertFalse(answer.isDone());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            store.open();
        }
        assertError(answer.join(), 400, "InvalidPart");
    }

    private static CompletableFuture<Void> writeInBackground(HttpResult r, OutputStream out) {
        return CompletableFuture.runAsync(() -> {
            try (ResponseBody body = r.body()) {
                body.writeTo(out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static String written(HttpResult r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ResponseBody body = r.body()) {
            body.writeTo(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        assertTrue(m.find(), xml);
        return m.group(1);
    }

    /** An output stream that remembers what had been flushed, and can fail like a closed connection. */
    private static final class FlushRecorder extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int flushed;
        private int flushes;
        int failAfterFlushes = Integer.MAX_VALUE;

        @Override
        public synchronized void write(int b) throws IOException {
            check();
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            check();
            bytes.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            check();
            flushed = bytes.size();
            flushes++;
            notifyAll();
        }

        private void check() throws IOException {
            if (flushes >= failAfterFlushes) {
                throw new IOException("connection reset (test)");
            }
        }

        synchronized void awaitFlushes(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (flushes < n) {
                long left = deadline - System.nanoTime();
                assertTrue(left > 0, "only " + flushes + " flushes");
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        synchronized String flushedText() {
            return new String(bytes.toByteArray(), 0, flushed, StandardCharsets.UTF_8);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
