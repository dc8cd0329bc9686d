"""Python for the browser: the course's engine wheel, the trimmed standard library and its bytecode."""
