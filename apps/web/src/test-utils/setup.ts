// async-validator (used by el-form) warns on every failed rule unless this global is set.
(globalThis as { ASYNC_VALIDATOR_NO_WARNING?: number }).ASYNC_VALIDATOR_NO_WARNING = 1;
