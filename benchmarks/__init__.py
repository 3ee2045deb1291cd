"""Speed benchmarks: each module's `main()` prints a table of ratios against a baseline run beside it."""
