// A failure the person running the benchmark can act on (a missing file, a missing build): printed without a stack.
export class BenchError extends Error {}
