// Stands in for the server-only package outside Next (unit tests and command-line scripts).
export {};
