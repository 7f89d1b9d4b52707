// Imported first by benchmarks whose code under test logs per operation: ES modules
// run in import order, so the logger reads this level when it is created.
process.env.STRATO_LOG_LEVEL ??= 'warn';
