"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inTransaction = inTransaction;
const database_errors_1 = require("./database-errors");
/**
 * Runs `work` in one transaction and retries it (a few times, with jitter) when
 * PostgreSQL reports a serialization failure or deadlock. Everything inside
 * must go through the given manager: a query through a global repository
 * would take a second pool connection and can deadlock the pool under load.
 */
async function inTransaction(dataSource, work, options = {}) {
    const retries = options.retries ?? 3;
    for (let attempt = 0;; attempt++) {
        try {
            return await dataSource.transaction(work);
        }
        catch (err) {
            if (attempt >= retries || !(0, database_errors_1.isRetryableTransactionError)(err))
                throw err;
            await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
        }
    }
}
//# sourceMappingURL=transaction.js.map