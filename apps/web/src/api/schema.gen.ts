/**
 * GENERATED from the API's OpenAPI document (GET /api/docs-json) by openapi-typescript.
 * Do not edit: change the controllers and DTOs, then run `npm run api:types`.
 * test/openapi-types.e2e-spec.ts fails while this file is stale.
 */

export interface paths {
    "/api/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail, newest first
         * @description Every staff action (accounts created, suspensions, reinstatements, takedowns, programme changes, admin refunds, report exports), written in the same transaction as the action. The table is append-only.
         */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/listings/{id}/takedown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a listing down (admin)
         * @description Status removed, for good: 404 to everyone but its farmer, who sees removalReason and cannot set it active again (409). Audited.
         */
        post: operations["ModerationController_takedown"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Payments succeeded minus refunds, against paid orders and the seller ledger, for a range of dates
         * @description Covers payments that succeeded, orders paid and ledger entries written between from and to (calendar dates in the market's zone, REPORT_TIME_ZONE for cn, both inclusive), for one market (`market`, default cn) and so one currency. Lists every mismatch, order by order and payment by payment; none in a healthy system.
         */
        get: operations["ReconciliationController_run"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Users to act on (admin): search by email or name, filter by role; newest first
         * @description Not in contract v1.1; an addition for the admin area. Suspended users carry suspendedAt and suspensionReason.
         */
        get: operations["MeController_listUsers"];
        put?: never;
        /** Create an officer or admin account */
        post: operations["MeController_createStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/reinstate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a suspension (admin): the user may sign in again and their listings come back. Old tokens stay invalid. Audited. */
        post: operations["ModerationController_reinstate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend an account (admin)
         * @description The user cannot sign in (401), every token they hold answers 401, and their listings leave the shop (search, GET /api/listings/:id, checkout). Audited.
         */
        post: operations["ModerationController_suspend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the mailed token; every token the user held ends */
        post: operations["AccountRecoveryController_confirmReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a password-reset link (valid 30 minutes, single use)
         * @description Answers 202 whether or not the address belongs to an account. At most 3 mails per address in 30 minutes.
         */
        post: operations["AccountRecoveryController_requestReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a buyer or farmer account and sign in */
        post: operations["AuthController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an email address with the token mailed at registration
         * @description Not in contract v1.1; an addition for email verification.
         */
        post: operations["AccountRecoveryController_verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/checkouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check out a cart (one order per seller of record, one payment, stock taken at once)
         * @description Requires an Idempotency-Key header: the same key and body again return the same answer and create nothing; the same key with another body is 422. 409 names the listings short of stock, and nothing is taken.
         */
        post: operations["CheckoutsController_checkout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/checkouts/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What a checkout of this cart to this address would charge, per seller of record: goods, shipping, total
         * @description The same computation as POST /api/checkouts (which charges its own, current figures); nothing is taken or stored.
         */
        post: operations["CheckoutsController_quote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cooperatives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cooperatives, by county and part of the name */
        get: operations["CooperativesController_list"];
        put?: never;
        /** Create a cooperative; the calling farmer becomes its manager and first member */
        post: operations["CooperativesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cooperatives/{id}/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The manager's search for farmers to add: farmers of the cooperative's county (not members yet) by name or phone
         * @description At most 20, by name. Phones are masked (138****5678); a phone matches when q is the whole number or its last 4+ digits.
         */
        get: operations["CooperativesController_candidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cooperatives/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The members: for the manager, officers and admins */
        get: operations["CooperativesController_listMembers"];
        put?: never;
        /** The manager adds a farmer as a member */
        post: operations["CooperativesController_addMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cooperatives/{id}/members/{farmerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** The manager removes a member (their listings through the cooperative are paused) */
        delete: operations["CooperativesController_removeMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cooperatives/{idOrSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One cooperative with its member count, by id or by its slug (percent-encoded UTF-8; old slugs too) */
        get: operations["CooperativesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cooperatives/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in farmer's cooperatives (managed or member of): the ones they may list produce through */
        get: operations["CooperativesController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/farmers/{id}/poverty-verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify or reject a farmer's poverty claim (officer whose jurisdiction holds the farmer's county, or admin) */
        post: operations["PovertyController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/farms/{idOrSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A farm (a farmer's shop) by the farmer's id or the farm's slug (percent-encoded UTF-8; old slugs too): name, county, readable link */
        get: operations["FarmsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers (503 when it does not) */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search active listings: text (Chinese works), category, county or region, producer, price, stock; sorted and paged */
        get: operations["ListingsController_search"];
        put?: never;
        /** List produce; the county is the calling farmer’s, and with cooperativeId the cooperative sells it */
        post: operations["ListingsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Archive a listing (its farmer): it leaves the shop, the row stays for order history */
        delete: operations["ListingsController_archive"];
        options?: never;
        head?: never;
        /** Change a listing (its farmer or the cooperative’s manager); status active or paused */
        patch: operations["ListingsController_update"];
        trace?: never;
    };
    "/api/listings/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a photo (multipart field "file"; JPEG, PNG or WebP by content, at most 5 MB; up to 8 per listing)
         * @description Stored as WebP at 320, 640 and 1280 pixels wide; the answer carries every size’s URL.
         */
        post: operations["ListingsController_addPhoto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/{id}/photos/{photoId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a photo (its farmer or the cooperative’s manager) */
        delete: operations["ListingsController_deletePhoto"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/{id}/stock-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A listing's stock history: every change (checkout, cancellation, payment timeout, edit, import) with who, when, why and the level after; newest first, paged */
        get: operations["ListingsController_stockHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/{idOrSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One listing by id or by its slug (percent-encoded UTF-8; an old slug kept after a rename finds it too), with unitPriceCentsPerKg and photos (archived: only its farmer or cooperative manager) */
        get: operations["ListingsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bulk import listings from a CSV (UTF-8, BOM or not) or XLSX (multipart field "file"; at most 1 MB and 1,000 rows)
         * @description Columns (header row): title, category, unit, netWeightGrams (or weightKg), price (yuan, two decimals), stock, description, harvestDate. Every row is checked by the rules of POST /api/listings; valid rows are created in one transaction and each bad row is named (row 1 is the header). dryRun=true previews; allOrNothing=true creates nothing when a row is bad.
         */
        post: operations["ListingsController_importListings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/listings/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in farmer's own listings, active and paused (up to 500, newest first) */
        get: operations["ListingsController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/markets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The markets this deployment serves (cn, the default, first) */
        get: operations["MarketsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["MeController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your display name, phone or mail language */
        patch: operations["AccountController_updateMe"];
        trace?: never;
    };
    "/api/me/addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your saved addresses, the default first */
        get: operations["AccountController_listAddresses"];
        put?: never;
        /** Save an address (the first one becomes the default) */
        post: operations["AccountController_createAddress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/addresses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a saved address (the oldest other becomes the default) */
        delete: operations["AccountController_deleteAddress"];
        options?: never;
        head?: never;
        /** Change a saved address, or make it the default */
        patch: operations["AccountController_updateAddress"];
        trace?: never;
    };
    "/api/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password: every older token ends; answers a fresh token for this session */
        post: operations["AccountController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/poverty-claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim to be a registered poor household; an officer of your county verifies it */
        post: operations["PovertyController_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/verification-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a new email-verification link (nothing when already verified)
         * @description Not in contract v1.1; an addition for email verification.
         */
        post: operations["AccountController_resendVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Orders the caller may see: a buyer's own, a seller's sales (incl. cooperatives they manage), all for officers/admins
         * @description Filters (status, from/to local dates in REPORT_TIME_ZONE, buyer name, listingId, q = order number) only narrow what the caller may see. Newest first.
         */
        get: operations["OrdersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One order with its lines and history */
        get: operations["OrdersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel before shipping (buyer or seller): stock comes back, a paid order is refunded */
        post: operations["OrdersController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Buyer: confirm a shipped order arrived */
        post: operations["OrdersController_deliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Seller or admin: refund part or all of a paid order (the sum never above the total) */
        post: operations["OrdersController_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Seller: mark a paid order shipped, with carrier and tracking number */
        post: operations["OrdersController_ship"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seller: their own sales under the list's filters as CSV or XLSX (headers in lang, money in yuan, formula-safe cells) */
        get: operations["OrdersController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The buyer's payment (status, and the Stripe client secret while pending) */
        get: operations["PaymentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/{id}/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Simulated provider only: settle the payment as succeeded or failed
         * @description Drives the same code path as a Stripe webhook. 404 when the payment is a Stripe one.
         */
        post: operations["PaymentsController_simulate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/stripe/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe's webhook endpoint
         * @description Verifies Stripe-Signature over the raw body with STRIPE_WEBHOOK_SECRET (400 otherwise, nothing changed), records the event id and acts on it once, in one transaction: payment_intent.succeeded / payment_failed / canceled, charge.refunded, refund.created / updated. Redeliveries answer 200 with processed: false. 404 when Stripe is not configured.
         */
        post: operations["StripeWebhookController_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/photos/{listingId}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A listing photo (WebP), as linked from a listing’s photos; `<photoId>-640.jpg` is its link-preview JPEG (cardUrl) */
        get: operations["PhotosController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/poverty-claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Poverty claims of farmers in the caller's jurisdiction (all for admins and national officers), oldest first */
        get: operations["PovertyController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every programme, with how many counties it enrols */
        get: operations["ProgrammesController_list"];
        put?: never;
        /** Create a programme (e.g. a national rural e-commerce pilot) */
        post: operations["ProgrammesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programmes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One programme with its enrolled counties (codes, and names with parents and enrolment dates) */
        get: operations["ProgrammesController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a programme created by mistake. Audited as programme.delete
         * @description Not in contract v1.1; an addition for the admin area. Refused with 409 (`code: PROGRAMME_HAS_HISTORY`) when any of its enrolled counties has sales: its reports read its counties, so they would vanish with it. End it (PATCH endDate) instead.
         */
        delete: operations["ProgrammesController_remove"];
        options?: never;
        head?: never;
        /**
         * Rename a programme or change its dates (endDate null: ongoing). Audited as programme.update
         * @description Not in contract v1.1; an addition for the admin area. Its counties change through PUT /api/programmes/:id/counties.
         */
        patch: operations["ProgrammesController_update"];
        trace?: never;
    };
    "/api/programmes/{id}/counties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the enrolled counties
         * @description JSON `{ countyCodes, enrolledOn? }`, or a CSV / plain-text body of county codes (one per line or comma-separated; a header row is skipped). Any unknown code rejects the request with 400 and `unknownCodes`; nothing changes.
         */
        put: operations["ProgrammesController_enrol"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A market's regions (default cn: GB/T 2260), filtered by level, parent or name
         * @description `market` (GET /api/markets) chooses the market; another market's codes are its own, e.g. ISO 3166-2 `KE-30`. 400 for a market not served here.
         */
        get: operations["RegionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One region with its parents (province first) */
        get: operations["RegionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/programmes/{id}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A programme's year: counties enrolled and selling, net sales and growth, poor households, top counties and categories */
        get: operations["ReportsController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sales per county, prefecture, province, month or category (JSON, CSV or XLSX)
         * @description A sale counts in its producer county on the local date its payment succeeded; a refund counts, negatively, on the date it was made. Officers see only counties inside their jurisdiction (a region outside it is 403).
         */
        get: operations["ReportsController_sales"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sellers/me/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's balance: their own and that of each cooperative they manage */
        get: operations["LedgerController_balance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sellers/me/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's seller ledger: their own entries and those of cooperatives they manage, newest first, with the balance
         * @description Append-only. A sale is credited when the order is paid and the platform fee (PLATFORM_FEE_BPS) debited; a refund is debited and the fee returned pro rata, so after any refunds the fee is exactly basisPoints(total - refunded). Integers (fen) only.
         */
        get: operations["LedgerController_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sellers/me/shipping-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A seller's shipping rates: the calling farmer's, or (?cooperativeId=) a cooperative's they manage */
        get: operations["ShippingRatesController_get"];
        /** Replace a seller's shipping rates (by destination province, '*' for the rest; an empty list: free shipping) */
        put: operations["ShippingRatesController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AddMemberDto: {
            /**
             * Format: uuid
             * @description A farmer user
             */
            farmerId: string;
        };
        AddressDto: {
            countyCode: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @description Exactly one of a non-empty address book is the default */
            isDefault: boolean;
            line1: string;
            name: string;
            phone: string;
        };
        AdminUserDto: {
            countyCode: string | null;
            /** Format: date-time */
            createdAt: string;
            displayName: string;
            email: string;
            /** Format: uuid */
            id: string;
            jurisdictionCode: string | null;
            /** @enum {string} */
            role: "buyer" | "farmer" | "officer" | "admin";
            /**
             * Format: date-time
             * @description Set while the account is suspended
             */
            suspendedAt: string | null;
            suspensionReason: string | null;
        };
        AdminUserPageDto: {
            items: components["schemas"]["AdminUserDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        AuditEntryDto: {
            /** @example user.suspend */
            action: string;
            /** Format: uuid */
            actorId: string | null;
            /** @example admin */
            actorRole: string | null;
            /**
             * Format: date-time
             * @description When (ISO 8601)
             */
            at: string;
            /** @description What changed, e.g. { reason } */
            details: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            targetId: string | null;
            /**
             * @description user, listing, programme, order or report
             * @example user
             */
            targetType: string;
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEntryDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        AuthResultDto: {
            /** @description JWT; send as "Authorization: Bearer <accessToken>" */
            accessToken: string;
            user: components["schemas"]["UserDto"];
        };
        BalanceDto: {
            balanceCents: number;
            balances: components["schemas"]["SellerBalanceDto"][];
            /** @example CNY */
            currency: string;
        };
        CancelOrderDto: {
            /** @example Bought by mistake */
            reason?: string;
        };
        CandidateDto: {
            displayName: string;
            /** Format: uuid */
            id: string;
            /** @description Masked: the first 3 and last 4 digits, e.g. 138****5678 */
            phoneMasked: string | null;
            village: string | null;
        };
        /** @enum {string} */
        Category: "grain" | "vegetables" | "fruit" | "tea" | "livestock" | "aquatic" | "eggs_dairy" | "nuts_seeds" | "herbs_fungi" | "processed" | "handicraft";
        ChangePasswordDto: {
            currentPassword: string;
            /** @example correct horse battery */
            newPassword: string;
        };
        CheckoutDto: {
            createdAt?: string;
            /** @example CNY */
            currency: string;
            /** Format: uuid */
            id: string;
            /** @description One order per seller of record */
            orders: components["schemas"]["OrderDto"][];
            payment: components["schemas"]["PaymentDto"];
            totalCents: number;
        };
        CheckoutItemDto: {
            /** Format: uuid */
            listingId: string;
            /** @example 2 */
            quantity: number;
        };
        CheckoutQuoteDto: {
            /** @example CNY */
            currency: string;
            /** @description false when a seller does not deliver to the address */
            deliverable: boolean;
            goodsCents: number;
            orders: components["schemas"]["QuoteOrderDto"][];
            shippingCents: number;
            totalCents: number;
        };
        CooperativeDto: {
            /** @example 520322 */
            countyCode: string;
            /** @example 桐梓县 */
            countyName: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            managerId: string;
            managerName: string;
            /**
             * @description The cooperative's market (its manager's)
             * @example cn
             */
            marketCode: string;
            memberCount: number;
            name: string;
            registrationNo: string | null;
            /**
             * @description The readable link (/cooperatives/<slug>, percent-encoded on the wire): the name in its own script, -2, -3… when another cooperative has it; old slugs still find it after a rename
             * @example 桐梓县生态农业专业合作社
             */
            slug: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CooperativePageDto: {
            items: components["schemas"]["CooperativeDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        CreateAddressDto: {
            /**
             * @description GB/T 2260 county code
             * @example 110105
             */
            countyCode: string;
            /** @description Make this the default address (the first address always is) */
            isDefault?: boolean;
            /** @example 建国路 88 号 3 单元 501 */
            line1: string;
            /**
             * @description Who receives the parcel
             * @example 陈静
             */
            name: string;
            /**
             * @description In cn a mainland mobile number (11 digits); elsewhere a phone number of the market's country
             * @example 13800000000
             */
            phone: string;
        };
        CreateCheckoutDto: {
            items: components["schemas"]["CheckoutItemDto"][];
            shippingAddress: components["schemas"]["ShippingAddressDto"];
        };
        CreateCooperativeDto: {
            /**
             * @description GB/T 2260 county code
             * @example 520322
             */
            countyCode: string;
            /** @example 桐梓县方竹笋种植专业合作社 */
            name: string;
            /**
             * @description Unified social credit code or other registration number
             * @example 93520322MA6DXXXX1X
             */
            registrationNo?: string;
        };
        CreateListingDto: {
            category: components["schemas"]["Category"];
            /**
             * Format: uuid
             * @description Sell through this cooperative (you must be a member)
             */
            cooperativeId?: string | null;
            /** @example 海拔1200米高山方竹林现挖，当天发货。 */
            description?: string;
            /** @example 2026-04-12 */
            harvestDate?: string | null;
            /**
             * @description Net weight of one unit, in grams
             * @example 2500
             */
            netWeightGrams: number;
            /**
             * @description Price of one unit in minor units (fen), at most 100,000,000 (¥1,000,000)
             * @example 4800
             */
            priceCents: number;
            /**
             * @description Your own code for the listing (SKU), unique among your listings not archived; a bulk import updates the listing with its SKU
             * @example FZS-5J
             */
            sku?: string | null;
            /** @description paused keeps it out of the shop, e.g. until its photos are uploaded; active by default */
            status?: components["schemas"]["ListingEditableStatus"];
            /**
             * @description Whole units in stock
             * @example 120
             */
            stock: number;
            /** @example 桐梓方竹笋 鲜笋 5斤装 */
            title: string;
            /**
             * @description The selling unit: box, bag, kg, jin, piece…
             * @example box
             */
            unit: string;
        };
        CreateProgrammeDto: {
            /** @example 2026-12-31 */
            endDate?: string;
            /**
             * @description The market of the programme (default cn): it enrols counties of that market
             * @example cn
             */
            marketCode?: string;
            /** @example 电子商务进农村综合示范 2026 */
            name: string;
            /** @example 2026-01-01 */
            startDate: string;
        };
        CreateRefundDto: {
            /** @description Minor units (fen) */
            amountCents: number;
            /** @example Two apples arrived bruised */
            reason: string;
        };
        CreateStaffUserDto: {
            displayName: string;
            email: string;
            /**
             * @description Officer: region (province, prefecture or county) whose reports they may see
             * @example 520000
             */
            jurisdictionCode?: string;
            /**
             * @description The market the account serves (default: its jurisdiction's, else cn); an officer's reports are that market's
             * @example cn
             */
            marketCode?: string;
            password: string;
            role: components["schemas"]["StaffRole"];
        };
        EnrolCountiesDto: {
            /**
             * @example [
             *       "520322",
             *       "522729"
             *     ]
             */
            countyCodes: string[];
            /** @example 2026-01-01 */
            enrolledOn?: string;
        };
        EnrolledCountyDto: {
            /** @example 520322 */
            code: string;
            /** @example 2026-01-01 */
            enrolledOn: string;
            /** @example 桐梓县 */
            name: string;
            /** @description Province, then prefecture */
            parents: components["schemas"]["RegionDto"][];
        };
        EnrolResultDto: {
            countyCodes: string[];
            /** @description How many counties are enrolled now */
            enrolled: number;
        };
        FarmDto: {
            /** @description Active listings in the shop */
            activeListings: number;
            /** @example 520322 */
            countyCode: string | null;
            /** @example 桐梓县 */
            countyName: string | null;
            /** @example 李大姐 */
            displayName: string;
            /**
             * Format: uuid
             * @description The farmer's id (filter listings with farmerId)
             */
            id: string;
            /**
             * @description The readable link (/farms/<slug>)
             * @example 李大姐
             */
            slug: string;
        };
        ImportFieldErrorDto: {
            /** @example price */
            field: string;
            /** @example price must be in yuan with at most two decimals, e.g. 48.00 */
            message: string;
        };
        ImportResultDto: {
            /** @description Listings created (0 in a dry run, or when allOrNothing and a row is bad) */
            created: number;
            dryRun: boolean;
            rows: components["schemas"]["ImportRowDto"][];
            /** @description Data rows read */
            total: number;
            /** @description Listings updated by their SKU (0 in a dry run, or when allOrNothing and a row is bad) */
            updated: number;
            /** @description Rows without errors */
            valid: number;
        };
        /**
         * @description What a valid row does: create a listing, or update the one with its SKU
         * @enum {string}
         */
        ImportRowAction: "create" | "update";
        ImportRowDto: {
            /** @description What a valid row does: create a listing, or update the one with its SKU */
            action?: components["schemas"]["ImportRowAction"];
            category?: components["schemas"]["Category"];
            errors: components["schemas"]["ImportFieldErrorDto"][];
            harvestDate?: string | null;
            /**
             * Format: uuid
             * @description The listing created or updated (null for a bad row, and for a new listing in a dry run)
             */
            listingId: string | null;
            netWeightGrams?: number;
            /** @description No errors: the row is (or would be) created, or the listing with its SKU updated */
            ok: boolean;
            /** @description fen */
            priceCents?: number;
            /** @example 2 */
            row: number;
            sku?: string | null;
            stock?: number;
            title: string | null;
            unit?: string;
        };
        LedgerEntryDto: {
            /** @description Signed minor units: credits positive, debits negative */
            amountCents: number;
            /** Format: date-time */
            createdAt: string;
            /** @example CNY */
            currency: string;
            /** Format: uuid */
            id: string;
            /** @description sale: credit of the goods when the order is paid; shipping: credit of the order's shipping fee, apart from the goods; fee: platform fee debited; refund: debit; fee_refund: the fee share given back on a refund */
            kind: components["schemas"]["LedgerEntryKind"];
            /** Format: uuid */
            orderId: string;
            /**
             * @description The order's readable number
             * @example FL-7K3M9-Q
             */
            orderNo: string;
            /** Format: uuid */
            paymentId: string;
            /** Format: uuid */
            refundId?: string | null;
            /** Format: uuid */
            sellerId: string;
            sellerType: components["schemas"]["SellerType"];
        };
        /**
         * @description sale: credit of the goods when the order is paid; shipping: credit of the order's shipping fee, apart from the goods; fee: platform fee debited; refund: debit; fee_refund: the fee share given back on a refund
         * @enum {string}
         */
        LedgerEntryKind: "sale" | "shipping" | "fee" | "refund" | "fee_refund";
        LedgerPageDto: {
            /** @description Sum of every entry of the sellers shown in `currency` (the seller's market's) */
            balanceCents: number;
            /** @description One balance per seller shown (you, and each cooperative you manage) */
            balances: components["schemas"]["SellerBalanceDto"][];
            /** @example CNY */
            currency: string;
            /** @description Newest first */
            items: components["schemas"]["LedgerEntryDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        ListingDto: {
            category: components["schemas"]["Category"];
            /** Format: uuid */
            cooperativeId: string | null;
            cooperativeName: string | null;
            /**
             * @description The cooperative's readable link (/cooperatives/<slug>)
             * @example 桐梓县生态农业专业合作社
             */
            cooperativeSlug: string | null;
            /** @example 520322 */
            countyCode: string;
            /** @example 桐梓县 */
            countyName: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description The market's currency (ISO 4217); priceCents are its minor units
             * @example CNY
             */
            currency: string;
            description: string;
            /** Format: uuid */
            farmerId: string;
            farmerName: string;
            /**
             * @description The farm's readable link (/farms/<slug>)
             * @example 李大姐
             */
            farmerSlug: string | null;
            /** @example 2026-04-12 */
            harvestDate: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description The market the listing is in (its farmer’s)
             * @example cn
             */
            marketCode: string;
            netWeightGrams: number;
            photos: components["schemas"]["PhotoDto"][];
            priceCents: number;
            /** @description Why an admin took the listing down (status removed; only its farmer sees such a listing) */
            removalReason?: string | null;
            /**
             * @description The seller's own code for the listing (SKU)
             * @example FZS-5J
             */
            sku: string | null;
            /**
             * @description The readable link (/listings/<slug>, percent-encoded on the wire): the title in its own script and the id's first hex digits; a rename gives a new slug and the old ones still find the listing
             * @example 雷山银球茶-8f3a2c
             */
            slug: string;
            status: components["schemas"]["ListingStatus"];
            stock: number;
            title: string;
            unit: string;
            /** @description priceCents per kilogram, rounded half up */
            unitPriceCentsPerKg: number;
            /** Format: date-time */
            updatedAt: string;
        };
        /**
         * @description paused keeps it out of the shop, e.g. until its photos are uploaded; active by default
         * @enum {string}
         */
        ListingEditableStatus: "active" | "paused";
        ListingPageDto: {
            items: components["schemas"]["ListingDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        /** @enum {string} */
        ListingSort: "newest" | "price_asc" | "price_desc";
        /** @enum {string} */
        ListingStatus: "active" | "paused" | "archived" | "removed" | "suspended";
        LivenessDto: {
            /** @enum {string} */
            status: "ok";
        };
        LoginDto: {
            /** @example li.wei@example.cn */
            email: string;
            password: string;
        };
        MarketDto: {
            /**
             * @description The market code; cn is the default
             * @example cn
             */
            code: string;
            /**
             * @description ISO 3166-1 alpha-2
             * @example CN
             */
            country: string;
            /**
             * @description ISO 4217: every amount in this market is in minor units of it
             * @example CNY
             */
            currency: string;
            /**
             * @description The levels the market's regions use (province, prefecture, county: the top first) and the market's own name of each, e.g. { county: 'county' } for Kenya's 47 counties. Not in contract v1.1; an addition for the web app's region pickers
             * @example {
             *       "province": "province",
             *       "prefecture": "prefecture",
             *       "county": "county"
             *     }
             */
            levelNames: {
                [key: string]: string;
            };
            /**
             * @description The market's languages, its first first
             * @example [
             *       "zh-CN",
             *       "en"
             *     ]
             */
            locales: string[];
            /**
             * @description IANA zone of the market's report dates
             * @example Asia/Shanghai
             */
            timeZone: string;
        };
        MemberDto: {
            /** Format: uuid */
            cooperativeId: string;
            countyCode: string | null;
            displayName: string;
            /** Format: uuid */
            farmerId: string;
            /** Format: date-time */
            joinedAt: string;
            role: components["schemas"]["MemberRole"];
        };
        /** @enum {string} */
        MemberRole: "manager" | "member";
        MessageDto: {
            /** @example If an account uses this address, a link is on its way */
            message: string;
        };
        ModerationReasonDto: {
            /** @example Counterfeit produce reported by three buyers */
            reason: string;
        };
        OrderDto: {
            /** Format: uuid */
            buyerId: string;
            /** Format: date-time */
            cancelledAt: string | null;
            cancelReason: string | null;
            carrier: string | null;
            /** Format: uuid */
            checkoutId: string;
            /** @description The seller of record's county */
            countyCode: string;
            /** @example CNY */
            currency: string;
            /** Format: date-time */
            deliveredAt: string | null;
            /** @description Σ line totals (the goods) */
            goodsCents: number;
            /** @description Only on GET /api/orders/:id, oldest first */
            history?: components["schemas"]["OrderHistoryEntryDto"][];
            /** Format: uuid */
            id: string;
            lines: components["schemas"]["OrderLineDto"][];
            /**
             * @description The readable order number: unique, short enough to read over the phone (Crockford base32 and a check symbol)
             * @example FL-7K3M9-Q
             */
            orderNo: string;
            /** Format: date-time */
            paidAt: string | null;
            /** Format: date-time */
            placedAt: string;
            refundedCents: number;
            /** Format: uuid */
            sellerId: string;
            /** @description The seller of record's name (the farmer's, or the cooperative's); on GET /api/orders and /api/orders/:id */
            sellerName?: string;
            sellerType: components["schemas"]["SellerType"];
            /** Format: date-time */
            shippedAt: string | null;
            shippingAddress: components["schemas"]["ShippingAddressViewDto"];
            /** @description The seller's shipping fee for this order (0: free) */
            shippingCents: number;
            status: components["schemas"]["OrderStatus"];
            /** @description goodsCents + shippingCents: what the buyer pays for this order */
            totalCents: number;
            trackingNo: string | null;
        };
        OrderHistoryEntryDto: {
            /**
             * Format: uuid
             * @description null for the system (e.g. the payment timeout)
             */
            actorId: string | null;
            /** @example buyer */
            actorRole: string;
            /** Format: date-time */
            createdAt: string;
            fromStatus: components["schemas"]["OrderStatus"] | null;
            note: string | null;
            toStatus: components["schemas"]["OrderStatus"];
        };
        OrderLineDto: {
            category: string;
            lineTotalCents: number;
            /** Format: uuid */
            listingId: string;
            netWeightGrams: number;
            producerCountyCode: string;
            /**
             * Format: uuid
             * @description The farmer who produced it
             */
            producerId: string;
            quantity: number;
            title: string;
            unit: string;
            unitPriceCents: number;
        };
        OrderPageDto: {
            items: components["schemas"]["OrderDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        /** @enum {string} */
        OrderStatus: "pending_payment" | "paid" | "shipped" | "delivered" | "cancelled";
        PasswordResetConfirmDto: {
            /** @example correct horse battery */
            newPassword: string;
            /** @description The token from the mailed link */
            token: string;
        };
        PasswordResetRequestDto: {
            /** @example li.wei@example.cn */
            email: string;
        };
        PaymentDto: {
            amountCents: number;
            /**
             * Format: uuid
             * @description The checkout it pays for: GET /api/orders?checkoutId= lists its orders
             */
            checkoutId?: string;
            /** @description Stripe PaymentIntent client secret, for the Payment Element */
            clientSecret?: string;
            /** @example CNY */
            currency: string;
            /** Format: uuid */
            id: string;
            provider: components["schemas"]["PaymentProvider"];
            status: components["schemas"]["PaymentStatus"];
        };
        /** @enum {string} */
        PaymentOutcome: "succeeded" | "failed";
        /** @enum {string} */
        PaymentProvider: "simulated" | "stripe";
        /** @enum {string} */
        PaymentStatus: "pending" | "succeeded" | "failed" | "cancelled";
        PhotoDto: {
            /** @description A 640-pixel JPEG of the photo for link previews (og:image: chat apps that show no WebP); made on first request */
            cardUrl: string;
            contentType: string;
            height: number;
            /** Format: uuid */
            id: string;
            /** @description 0 first */
            position: number;
            /** @description Every size, smallest first (for srcset) */
            sizes: components["schemas"]["PhotoSizeDto"][];
            /** @description The smallest size, for lists */
            thumbnailUrl: string;
            /** @description The largest size (WebP) */
            url: string;
            width: number;
        };
        PhotoSizeDto: {
            /** @example /api/photos/…-640.webp */
            url: string;
            /** @example 640 */
            width: number;
        };
        PovertyClaimBodyDto: {
            /**
             * @description The poverty registration number (建档立卡编号), if the farmer has it
             * @example 5203220101000123
             */
            registrationNo?: string;
        };
        PovertyClaimDto: {
            /** Format: date-time */
            claimedAt: string;
            /** @example 520322 */
            countyCode: string;
            /** @example 桐梓县 */
            countyName: string;
            /** Format: date-time */
            decidedAt: string | null;
            /**
             * Format: uuid
             * @description The officer or admin who decided
             */
            decidedBy: string | null;
            decidedByName: string | null;
            displayName: string;
            /** Format: uuid */
            farmerId: string;
            note: string | null;
            registrationNo: string | null;
            /** @enum {string} */
            status: "claimed" | "verified" | "rejected";
        };
        PovertyClaimPageDto: {
            items: components["schemas"]["PovertyClaimDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        PovertyDecisionBodyDto: {
            /** @enum {string} */
            decision: "verified" | "rejected";
            /**
             * @description Why (kept with the decision and shown to officers)
             * @example 已核对扶贫系统
             */
            note?: string;
        };
        PovertyDecisionDto: {
            /** Format: date-time */
            decidedAt: string;
            /** Format: uuid */
            decidedBy: string;
            /** Format: uuid */
            farmerId: string;
            /** @enum {string} */
            status: "verified" | "rejected";
        };
        ProgrammeDetailDto: {
            /** @description The same counties with their names, parents and enrolment dates, by code */
            counties: components["schemas"]["EnrolledCountyDto"][];
            countyCodes: string[];
            countyCount: number;
            /** Format: date-time */
            createdAt: string;
            endDate: string | null;
            /** Format: uuid */
            id: string;
            /** @example cn */
            marketCode: string;
            name: string;
            /** @example 2026-01-01 */
            startDate: string;
        };
        ProgrammeDto: {
            countyCount: number;
            /** Format: date-time */
            createdAt: string;
            endDate: string | null;
            /** Format: uuid */
            id: string;
            /** @example cn */
            marketCode: string;
            name: string;
            /** @example 2026-01-01 */
            startDate: string;
        };
        ProgrammeRefDto: {
            endDate: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            /** @example 2026-01-01 */
            startDate: string;
        };
        ProgrammeSummaryDto: {
            countiesEnrolled: number;
            countiesWithSales: number;
            grossSalesCents: number;
            growthPct: number | null;
            netSalesCents: number;
            orders: number;
            povertyHouseholds: number;
            povertyHouseholdSalesCents: number;
            previousYearNetSalesCents: number;
            programme: components["schemas"]["ProgrammeRefDto"];
            refundsCents: number;
            topCategories: components["schemas"]["TopEntryDto"][];
            topCounties: components["schemas"]["TopEntryDto"][];
            year: number;
        };
        PutShippingRatesDto: {
            rates: components["schemas"]["ShippingRateDto"][];
        };
        QuoteAddressDto: {
            /** @example 110105 */
            countyCode: string;
            line1?: string;
            name?: string;
            phone?: string;
        };
        QuoteCheckoutDto: {
            items: components["schemas"]["CheckoutItemDto"][];
            shippingAddress: components["schemas"]["QuoteAddressDto"];
        };
        QuoteOrderDto: {
            goodsCents: number;
            listingIds: string[];
            /** Format: uuid */
            sellerId: string;
            sellerName: string;
            sellerType: components["schemas"]["SellerType"];
            /** @description null: this seller does not deliver to the address (checkout would answer 422) */
            shippingCents: number | null;
            totalCents: number | null;
            weightGrams: number;
        };
        ReconciliationMismatchDto: {
            actualCents: number;
            /** @description payment_vs_orders_total, payment_net_vs_orders, refunds_vs_order, refund_failed, order_paid_without_payment, order_not_paid, money_kept_for_cancelled_order, ledger_sale, ledger_refunds, ledger_fee, ledger_seller, ledger_for_unpaid_order */
            check: string;
            expectedCents: number;
            message: string;
            /** Format: uuid */
            orderId?: string | null;
            /** Format: uuid */
            paymentId?: string | null;
        };
        ReconciliationReportDto: {
            /**
             * @description Every amount is in minor units of this currency
             * @example CNY
             */
            currency: string;
            feesCents: number;
            from: string;
            ledgerCents: number;
            /** @example cn */
            marketCode: string;
            /** @description Empty in a healthy system */
            mismatches: components["schemas"]["ReconciliationMismatchDto"][];
            netCents: number;
            ordersChecked: number;
            ordersNetCents: number;
            paymentsChecked: number;
            paymentsSucceededCents: number;
            refundsCents: number;
            timeZone: string;
            to: string;
        };
        RefundDto: {
            amountCents: number;
            /** Format: date-time */
            createdAt: string;
            currency: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            orderId: string;
            reason: string;
            status: components["schemas"]["RefundStatus"];
        };
        /** @enum {string} */
        RefundStatus: "pending" | "succeeded" | "failed";
        RegionDto: {
            /** @example 520322 */
            code: string;
            level: components["schemas"]["RegionLevel"];
            /** @example 桐梓县 */
            name: string;
            /** @example 520300 */
            parentCode: string | null;
        };
        /** @enum {string} */
        RegionLevel: "province" | "prefecture" | "county";
        RegionWithParentsDto: {
            /** @example 520322 */
            code: string;
            level: components["schemas"]["RegionLevel"];
            /** @example 桐梓县 */
            name: string;
            /** @example 520300 */
            parentCode: string | null;
            /** @description From the province down to the direct parent */
            parents: components["schemas"]["RegionDto"][];
        };
        RegisterDto: {
            /**
             * @description County code of the user's market (GB/T 2260 in cn, e.g. KE-30 in ke); required for farmers
             * @example 520322
             */
            countyCode?: string;
            /** @example 李伟 */
            displayName: string;
            /** @example li.wei@example.cn */
            email: string;
            /**
             * @description The language of the mail the user receives (default zh-CN)
             * @enum {string}
             */
            locale?: "zh-CN" | "en";
            /**
             * @description The market the user joins (GET /api/markets); without one, cn. A county must be one of its regions
             * @example cn
             */
            marketCode?: string;
            /** @example correct horse battery */
            password: string;
            /** @example +86 138 0000 0000 */
            phone?: string;
            /** @description Farmer: claims to be a registered poor household (建档立卡贫困户). The claim is `claimed` until an officer verifies it */
            povertyRegistered?: boolean;
            /**
             * @description Farmer: the poverty registration number, with povertyRegistered: true
             * @example 5203220101000123
             */
            povertyRegistrationNo?: string;
            role: components["schemas"]["SelfServiceRole"];
            /** @example 花秋镇石坎村 */
            village?: string;
        };
        /** @enum {string} */
        ReportFormat: "json" | "csv" | "xlsx";
        /** @enum {string} */
        ReportGroupBy: "county" | "prefecture" | "province" | "month" | "category";
        /** @enum {string} */
        Role: "buyer" | "farmer" | "officer" | "admin";
        SalesReportDto: {
            /**
             * @description Every amount is in minor units of the market's currency
             * @example CNY
             */
            currency: string;
            from: string;
            groupBy: components["schemas"]["ReportGroupBy"];
            /**
             * @description The one market the report covers
             * @example cn
             */
            marketCode: string;
            programmeId?: string | null;
            regionCode?: string | null;
            rows: components["schemas"]["SalesRowDto"][];
            /**
             * @description The market's zone: the dates are its local dates
             * @example Asia/Shanghai
             */
            timeZone: string;
            to: string;
            /** @description key "total"; distinct counts are distinct over the whole scope */
            totals: components["schemas"]["SalesRowDto"];
        };
        SalesRowDto: {
            buyers: number;
            grossSalesCents: number;
            growthPct: number | null;
            /** @description Region code, month (YYYY-MM) or category */
            key: string;
            name: string;
            netSalesCents: number;
            orders: number;
            povertyHouseholds: number;
            povertyHouseholdSalesCents: number;
            previousYearNetSalesCents: number;
            producers: number;
            refundsCents: number;
            sellers: number;
            units: number;
            /** @description The same, exact, in grams */
            weightGrams: number;
            /** @description quantity × net weight, kg (3 decimals) */
            weightKg: number;
        };
        /** @enum {string} */
        SelfServiceRole: "buyer" | "farmer";
        SellerBalanceDto: {
            /** @description In the page's `currency` (the seller's market's) */
            balanceCents: number;
            /** Format: uuid */
            sellerId: string;
            sellerType: components["schemas"]["SellerType"];
        };
        /** @enum {string} */
        SellerType: "farmer" | "cooperative";
        ShipOrderDto: {
            /** @example 顺丰速运 */
            carrier?: string;
            /** @example SF1234567890 */
            trackingNo?: string;
        };
        ShippingAddressDto: {
            /**
             * @description GB/T 2260 county code of the delivery address
             * @example 110105
             */
            countyCode: string;
            /** @example 建国路 88 号 3 单元 501 */
            line1: string;
            /** @example 陈静 */
            name: string;
            /** @example 13800000000 */
            phone: string;
        };
        ShippingAddressViewDto: {
            countyCode: string;
            /** @description Not shown to officers */
            line1?: string;
            /** @description Not shown to officers */
            name?: string;
            /** @description Not shown to officers */
            phone?: string;
        };
        ShippingRateDto: {
            baseCents: number;
            /** @description Shipping is free when the goods total is at or above this */
            freeAboveCents?: number | null;
            /** @description No delivery to this province (checkout answers 422) */
            noDelivery?: boolean;
            perKgCents: number;
            /**
             * @description A first-level region of the seller's market (cn: a GB/T 2260 province such as 520000; ke: a county such as KE-30), or '*' for every province without its own rate
             * @example 520000
             */
            provinceCode: string;
        };
        ShippingRatesDto: {
            /** @example CNY */
            currency: string;
            /**
             * @description The seller's market, whose first-level regions the rates name
             * @example cn
             */
            marketCode: string;
            /** @description Empty: the seller ships free */
            rates: components["schemas"]["ShippingRateViewDto"][];
            /** Format: uuid */
            sellerId: string;
            sellerType: components["schemas"]["SellerType"];
        };
        ShippingRateViewDto: {
            baseCents: number;
            freeAboveCents: number | null;
            noDelivery: boolean;
            perKgCents: number;
            provinceCode: string;
        };
        SimulatePaymentDto: {
            outcome: components["schemas"]["PaymentOutcome"];
        };
        /** @enum {string} */
        StaffRole: "officer" | "admin";
        StockChangeDto: {
            /**
             * Format: uuid
             * @description Who caused it (null: the system)
             */
            actorId: string | null;
            /** @description Their display name */
            actorName: string | null;
            /** Format: date-time */
            at: string;
            /**
             * @description Units added (positive) or taken (negative); at creation, the initial stock
             * @example -2
             */
            delta: number;
            /** @description Increasing with time */
            id: string;
            /** @description created, import, edit (by hand), checkout, cancellation, payment_timeout, other */
            reason: components["schemas"]["StockReason"];
            /**
             * Format: uuid
             * @description The order (cancellation, timeout) or checkout it belongs to
             */
            refId: string | null;
            /**
             * @description The stock after the change
             * @example 118
             */
            stockAfter: number;
        };
        StockHistoryPageDto: {
            items: components["schemas"]["StockChangeDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        /**
         * @description created, import, edit (by hand), checkout, cancellation, payment_timeout, other
         * @enum {string}
         */
        StockReason: "created" | "import" | "edit" | "checkout" | "cancellation" | "payment_timeout" | "other";
        TakedownDto: {
            /** Format: uuid */
            id: string;
            removalReason: string;
            /** Format: date-time */
            removedAt: string;
            /** @enum {string} */
            status: "removed";
        };
        TopEntryDto: {
            grossSalesCents: number;
            growthPct: number | null;
            key: string;
            name: string;
            netSalesCents: number;
            previousYearNetSalesCents: number;
            refundsCents: number;
        };
        UpdateAddressDto: {
            /** @example 110105 */
            countyCode?: string;
            /** @description true makes this the default; false on the default hands it to the oldest other address */
            isDefault?: boolean;
            line1?: string;
            /** @example 陈静 */
            name?: string;
            /** @example 13800000000 */
            phone?: string;
        };
        UpdateListingDto: {
            category?: components["schemas"]["Category"];
            /**
             * Format: uuid
             * @description Owner only; null sells alone again
             */
            cooperativeId?: string | null;
            description?: string;
            harvestDate?: string | null;
            netWeightGrams?: number;
            priceCents?: number;
            /** @description null removes the SKU */
            sku?: string | null;
            status?: components["schemas"]["ListingEditableStatus"];
            stock?: number;
            title?: string;
            unit?: string;
        };
        UpdateMeDto: {
            /** @example 李伟 */
            displayName?: string;
            /**
             * @description The language of the mail you receive
             * @enum {string}
             */
            locale?: "zh-CN" | "en";
            /**
             * @description null or "" clears it
             * @example +86 138 0000 0000
             */
            phone?: string | null;
        };
        UpdateProgrammeDto: {
            /**
             * @description null: the programme is ongoing
             * @example 2026-12-31
             */
            endDate?: string | null;
            /** @example 电子商务进农村综合示范 2026 */
            name?: string;
            /** @example 2026-01-01 */
            startDate?: string;
        };
        UserDto: {
            countyCode?: string | null;
            /** Format: date-time */
            createdAt: string;
            displayName: string;
            email: string;
            /** @description The user confirmed their email address with the mailed link */
            emailVerified: boolean;
            /** Format: uuid */
            id: string;
            jurisdictionCode?: string | null;
            /**
             * @description The language of the mail the user receives
             * @enum {string}
             */
            locale: "zh-CN" | "en";
            /**
             * @description The market the user belongs to
             * @example cn
             */
            marketCode: string;
            phone?: string | null;
            /** @description The farmer's poverty registration is verified by an officer (same as povertyStatus = 'verified'; kept for older clients) */
            povertyRegistered: boolean;
            /**
             * @description Farmers only: their poverty registration claim, as an officer decided it
             * @enum {string}
             */
            povertyStatus?: "none" | "claimed" | "verified" | "rejected";
            role: components["schemas"]["Role"];
            village?: string | null;
        };
        VerifyEmailDto: {
            /** @description The token from the mailed link */
            token: string;
        };
        WebhookAckDto: {
            outcome: string;
            /** @description False when this event id was acted on before */
            processed: boolean;
            received: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuditController_list: {
        parameters: {
            query?: {
                /** @description An action name, e.g. user.suspend */
                action?: string;
                /** @description Who did it */
                actorId?: string;
                /** @description From this ISO 8601 date-time (inclusive) or date (a UTC day) */
                from?: string;
                page?: number;
                pageSize?: number;
                /** @description What it was done to: a user, listing, programme or order id */
                targetId?: string;
                /** @description Up to this ISO 8601 date-time (exclusive) or date (inclusive, a UTC day) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ModerationController_takedown: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ModerationReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TakedownDto"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown listing */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Already taken down */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReconciliationController_run: {
        parameters: {
            query: {
                /** @description First calendar date (REPORT_TIME_ZONE), inclusive */
                from: string;
                /** @description The market (default cn): reconciliation covers its currency, on its dates */
                market?: string;
                /** @description Last calendar date (REPORT_TIME_ZONE), inclusive */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconciliationReportDto"];
                };
            };
        };
    };
    MeController_listUsers: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Part of the email or display name */
                q?: string;
                role?: "buyer" | "farmer" | "officer" | "admin";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserPageDto"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MeController_createStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStaffUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
        };
    };
    ModerationController_reinstate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not suspended */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ModerationController_suspend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ModerationReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Already suspended */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Your own account */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResultDto"];
                };
            };
            /** @description Wrong email or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountRecoveryController_confirmReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirmDto"];
            };
        };
        responses: {
            /** @description The password is changed: sign in with it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageDto"];
                };
            };
            /** @description Unknown, used or expired token, or a new password under 8 characters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountRecoveryController_requestReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequestDto"];
            };
        };
        responses: {
            /** @description Accepted (whether or not the address is registered) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageDto"];
                };
            };
            /** @description No email given */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResultDto"];
                };
            };
            /** @description Email taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountRecoveryController_verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyEmailDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Unknown, used or expired token */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many attempts from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CheckoutsController_checkout: {
        parameters: {
            query?: never;
            header: {
                /** @description A unique value per checkout attempt, e.g. a UUID */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCheckoutDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutDto"];
                };
            };
            /** @description `{ listingIds }` short of stock, or the buyer already holds MAX_UNPAID_CHECKOUTS unpaid checkouts (`{ maxUnpaidCheckouts }`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Listing paused/archived, key reused with another body, or an order total over 99,999,999 fen (`{ totalCents, maxTotalCents }`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CheckoutsController_quote: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuoteCheckoutDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutQuoteDto"];
                };
            };
            /** @description Not a known county */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown listings */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A listing is paused or archived */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CooperativesController_list: {
        parameters: {
            query?: {
                countyCode?: string;
                page?: number;
                pageSize?: number;
                /** @description Part of the name */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CooperativePageDto"];
                };
            };
        };
    };
    CooperativesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCooperativeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CooperativeDto"];
                };
            };
            /** @description Invalid fields or an unknown county */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Registration number already used */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CooperativesController_candidates: {
        parameters: {
            query: {
                /** @description Part of the name, or the phone number (whole, or its last 4+ digits) */
                q: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateDto"][];
                };
            };
            /** @description Not the manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown cooperative */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CooperativesController_listMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDto"][];
                };
            };
            /** @description Not the manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CooperativesController_addMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddMemberDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDto"];
                };
            };
            /** @description Not the manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Already a member */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The user is not a farmer */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CooperativesController_removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                farmerId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not the manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown cooperative or not a member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The manager cannot remove themselves */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CooperativesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CooperativeDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CooperativesController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CooperativeDto"][];
                };
            };
        };
    };
    PovertyController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PovertyDecisionBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PovertyDecisionDto"];
                };
            };
            /** @description Not an officer or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No claim, or a farmer outside your jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FarmsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FarmDto"];
                };
            };
            /** @description No farmer has this id or slug (or the farmer is suspended) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessDto"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example ok */
                        status?: string;
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example error */
                        status?: string;
                    };
                };
            };
        };
    };
    ListingsController_search: {
        parameters: {
            query?: {
                category?: components["schemas"]["Category"];
                cooperativeId?: string;
                /** @description The producer’s county */
                countyCode?: string;
                farmerId?: string;
                /** @description Only listings with stock */
                inStock?: boolean;
                /** @description Only listings of this market (GET /api/markets), e.g. cn or ke; without it, every market */
                market?: string;
                /** @description Highest unit price in fen */
                maxPriceCents?: number;
                /** @description Lowest unit price in fen */
                minPriceCents?: number;
                page?: number;
                pageSize?: number;
                /** @description Words in the title or description (Chinese works) */
                q?: string;
                /** @description A province, prefecture or county: listings produced inside it */
                regionCode?: string;
                sort?: components["schemas"]["ListingSort"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListingPageDto"];
                };
            };
        };
    };
    ListingsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateListingDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListingDto"];
                };
            };
            /** @description Invalid fields (negative or fractional numbers, unknown category, title over 200 characters…) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a member of that cooperative */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ListingsController_archive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not the farmer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ListingsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateListingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListingDto"];
                };
            };
            /** @description Not the farmer or the cooperative’s manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Archived, or not a member of the new cooperative */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ListingsController_addPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoDto"];
                };
            };
            /** @description Over 5 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a JPEG, PNG or WebP image */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Already 8 photos, or an unreadable image */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ListingsController_deletePhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                photoId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ListingsController_stockHistory: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockHistoryPageDto"];
                };
            };
            /** @description Not the farmer or the cooperative’s manager */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ListingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListingDto"];
                };
            };
            /** @description No listing has this id or slug */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ListingsController_importListings: {
        parameters: {
            query?: {
                /** @description Create nothing unless every row is valid */
                allOrNothing?: boolean;
                /** @description Check and preview only; nothing is created */
                dryRun?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResultDto"];
                };
            };
            /** @description Not multipart, or no field "file" */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Over 1 MB or over 1,000 rows */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a readable CSV or XLSX, or no header row */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ListingsController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListingDto"][];
                };
            };
        };
    };
    MarketsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketDto"][];
                };
            };
        };
    };
    MeController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
        };
    };
    AccountController_updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountController_listAddresses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressDto"][];
                };
            };
        };
    };
    AccountController_createAddress: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAddressDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressDto"];
                };
            };
            /** @description Bad field (phone must be a mainland mobile number) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Address book full */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountController_deleteAddress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such address of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountController_updateAddress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAddressDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressDto"];
                };
            };
            /** @description Bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such address of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResultDto"];
                };
            };
            /** @description New password under 8 characters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The current password is wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PovertyController_claim: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PovertyClaimBodyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PovertyClaimDto"];
                };
            };
            /** @description Not a farmer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Already claimed or verified */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountController_resendVerification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageDto"];
                };
            };
        };
    };
    OrdersController_list: {
        parameters: {
            query?: {
                /** @description Part of the buyer's name (the shipping name or the account's display name), any case */
                buyer?: string;
                /** @description Only the orders of this checkout (e.g. those one payment pays for) */
                checkoutId?: string;
                /** @description Placed on or after this date (YYYY-MM-DD in REPORT_TIME_ZONE) */
                from?: string;
                /** @description Only orders with a line of this listing */
                listingId?: string;
                page?: number;
                pageSize?: number;
                /** @description An order number or its beginning (FL-7K3M9-Q, 7k3m9q, 7K3M; O reads as 0, I and L as 1) */
                q?: string;
                status?: components["schemas"]["OrderStatus"];
                /** @description Placed on or before this date (YYYY-MM-DD in REPORT_TIME_ZONE, inclusive) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPageDto"];
                };
            };
            /** @description A bad filter: a date that is not YYYY-MM-DD, from after to, a q that cannot be an order number */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrdersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description Unknown, or not yours to see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrdersController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelOrderDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
            /** @description Already shipped, delivered or cancelled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrdersController_deliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
        };
    };
    OrdersController_refund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRefundDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundDto"];
                };
            };
            /** @description More than is left to refund, or the order was never paid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrdersController_ship: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShipOrderDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDto"];
                };
            };
        };
    };
    OrdersController_export: {
        parameters: {
            query: {
                /** @description Part of the buyer's name */
                buyer?: string;
                format: "csv" | "xlsx";
                /** @description Placed on or after this date (YYYY-MM-DD in REPORT_TIME_ZONE) */
                from?: string;
                /** @description The language of the headers and the status names */
                lang?: "zh-CN" | "en";
                /** @description Only orders with a line of this listing */
                listingId?: string;
                /** @description An order number or its beginning */
                q?: string;
                status?: components["schemas"]["OrderStatus"];
                /** @description Placed on or before this date (YYYY-MM-DD in REPORT_TIME_ZONE, inclusive) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A CSV (UTF-8 with BOM) or XLSX file, one order a row, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description A bad filter or format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a seller */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description More than 5000 orders (`{ maxOrders }`): narrow the dates */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PaymentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentDto"];
                };
            };
        };
    };
    PaymentsController_simulate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SimulatePaymentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StripeWebhookController_receive: {
        parameters: {
            query?: never;
            header: {
                "Stripe-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAckDto"];
                };
            };
            /** @description Bad or missing signature, tampered body, or a timestamp outside the tolerance */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PhotosController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
                listingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/webp": string;
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PovertyController_list: {
        parameters: {
            query?: {
                /** @description GB/T 2260 county code */
                countyCode?: string;
                page?: number;
                pageSize?: number;
                status?: "claimed" | "verified" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PovertyClaimPageDto"];
                };
            };
            /** @description Not an officer or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProgrammesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeDto"][];
                };
            };
        };
    };
    ProgrammesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProgrammeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeDto"];
                };
            };
        };
    };
    ProgrammesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeDetailDto"];
                };
            };
            /** @description Unknown programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProgrammesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Its enrolled counties have sales */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProgrammesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProgrammeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeDto"];
                };
            };
            /** @description Bad field, or the end before the start */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProgrammesController_enrol: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrolCountiesDto"];
                "text/csv": components["schemas"]["EnrolCountiesDto"];
                "text/plain": components["schemas"]["EnrolCountiesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrolResultDto"];
                };
            };
        };
    };
    RegionsController_list: {
        parameters: {
            query?: {
                level?: components["schemas"]["RegionLevel"];
                /** @description The market whose regions to list (default cn); another market's codes are its own, e.g. KE-30 */
                market?: string;
                parentCode?: string;
                /** @description Part of a name, or the start of a code */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionDto"][];
                };
            };
        };
    };
    RegionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionWithParentsDto"];
                };
            };
        };
    };
    ReportsController_summary: {
        parameters: {
            query: {
                year: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeSummaryDto"];
                };
            };
            /** @description Unknown programme */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_sales: {
        parameters: {
            query: {
                format?: components["schemas"]["ReportFormat"];
                /** @description First local date (REPORT_TIME_ZONE), inclusive */
                from: string;
                groupBy?: components["schemas"]["ReportGroupBy"];
                /** @description With format=csv or xlsx: the export for people — headers in this language, money in yuan with two decimals (XLSX: number formats, and a title with the range, scope and time of export). Without it the machine form: the JSON field names as headers and money in fen. */
                lang?: "zh-CN" | "en";
                /** @description The market (GET /api/markets): default the officer's own, else cn. One market per report, in its currency and on its dates */
                market?: string;
                /** @description Only the programme's enrolled counties */
                programmeId?: string;
                /** @description 1: the machine form even when lang is given */
                raw?: "0" | "1";
                /** @description Only counties inside this region (province, prefecture or county code) */
                regionCode?: string;
                /** @description A row field; a leading "-" sorts largest first */
                sort?: "key" | "name" | "orders" | "grossSalesCents" | "refundsCents" | "netSalesCents" | "units" | "weightKg" | "buyers" | "sellers" | "producers" | "povertyHouseholdSalesCents" | "povertyHouseholds" | "previousYearNetSalesCents" | "growthPct" | "-key" | "-name" | "-orders" | "-grossSalesCents" | "-refundsCents" | "-netSalesCents" | "-units" | "-weightKg" | "-buyers" | "-sellers" | "-producers" | "-povertyHouseholdSalesCents" | "-povertyHouseholds" | "-previousYearNetSalesCents" | "-growthPct";
                /** @description Last local date, inclusive (at most 3 years after from) */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON by default; with format=csv a CSV file (header row first), with format=xlsx a spreadsheet. Files are in the machine form (field names, fen) unless lang=zh-CN|en asks for the form for people (raw=1 forces the machine form). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalesReportDto"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Not an officer or admin, or a region outside the jurisdiction */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown regionCode or programmeId */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LedgerController_balance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BalanceDto"];
                };
            };
        };
    };
    LedgerController_page: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                sellerId?: string;
                /** @description With sellerId: only this seller (yourself or a cooperative you manage) */
                sellerType?: components["schemas"]["SellerType"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerPageDto"];
                };
            };
        };
    };
    ShippingRatesController_get: {
        parameters: {
            query?: {
                /** @description The rates of a cooperative the caller manages */
                cooperativeId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShippingRatesDto"];
                };
            };
            /** @description Not the manager of that cooperative */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown cooperative */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ShippingRatesController_put: {
        parameters: {
            query?: {
                /** @description The rates of a cooperative the caller manages */
                cooperativeId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutShippingRatesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShippingRatesDto"];
                };
            };
            /** @description Not a first-level region (province) of the seller's market, duplicate provinces, or amounts outside 0..100,000,000 minor units */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not the manager of that cooperative */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown cooperative */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
