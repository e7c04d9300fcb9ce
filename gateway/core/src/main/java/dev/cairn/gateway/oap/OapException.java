package dev.cairn.gateway.oap;

/** Ends a request with a {@link Problem}; thrown by handlers, rendered once by {@link OapApi}. */
final class OapException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    OapException(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
