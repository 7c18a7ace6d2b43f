/**
 * Every Redis key the project writes, in one place, under the configurable prefix (REDIS_PREFIX).
 * Only modules in src/store/ use this: everyone else goes through a store.
 */
export function keys(prefix: string) {
  return {
    // ---- orders (OrderStore) -------------------------------------------------------------------
    /** the last order id handed out */
    orderSeq: `${prefix}seq:order`,
    /** one order's record (hash); a draft's expires */
    order: (id: string) => `${prefix}order:${id}`,
    /**
     * all orders (from reserve until archived), in buckets of ORDER_LIST_IDS ids (id div 128): a
     * zset each, score = created ms. Small zsets are listpacks, about 16 B an order where one zset
     * of every order took 104
     */
    orderList: (bucket: number) => `${prefix}orders:list:${bucket}`,
    /** what orderList puts before the bucket number (the scripts that walk the buckets build the keys) */
    orderListPrefix: `${prefix}orders:list:`,
    /** how many orders the buckets hold (the back office's count without dates, in O(1)) */
    orderListCount: `${prefix}orders:list-count`,
    /** the older form of orderList, one zset: moved into the buckets at start (OrderStore.migrateList) */
    orders: `${prefix}orders`,
    /** one user's orders, score = created ms */
    userOrders: (userId: number) => `${prefix}user:${userId}:orders`,
    /**
     * panel order id → local order id, in PANEL_ID_BUCKETS hashes by a hash of the panel id
     * (panelIdBucket): small enough to stay listpacks up to about 2,000,000 orders, about 20 B an
     * order where one hash of them all took 66
     */
    panelIdBucket: (bucket: number) => `${prefix}panel-ids:${bucket}`,
    /** the older form of the panel-id map, one hash: moved into the buckets by OrderStore.migratePanelIdsStep */
    panelIds: `${prefix}panel-ids`,
    /** where that move has got to (an HSCAN cursor, or "done") */
    panelIdMigration: `${prefix}panel-ids-move`,
    /** orders between reserve and a known outcome, score = reserved ms (crash recovery) */
    placing: `${prefix}orders:placing`,
    /** orders whose placement outcome is unknown, for admins to settle */
    unknown: `${prefix}orders:unknown`,
    /**
     * one service's orders (the back office's filter; added at reserve), in buckets of
     * ORDER_LIST_IDS orders by their place among the service's (bucket = place div 128, the order's
     * serviceSlot): a zset each, score = created ms, small enough to stay a listpack
     */
    serviceList: (serviceId: string, bucket: number) => `${prefix}orders:by-svc:${serviceId}:${bucket}`,
    serviceListPrefix: (serviceId: string) => `${prefix}orders:by-svc:${serviceId}:`,
    /** what every service's list puts before the service id (their recount's SCAN) */
    serviceListsPrefix: `${prefix}orders:by-svc:`,
    /** service id → how many orders its list has been given (the last one's place) */
    serviceListSeq: `${prefix}orders:by-svc-seq`,
    /** service id → how many orders its buckets hold */
    serviceListCount: `${prefix}orders:by-svc-count`,
    /** the older form of serviceList, one zset per service: still read as its oldest part, emptied as its orders are archived */
    serviceOrders: (serviceId: string) => `${prefix}orders:svc:${serviceId}`,
    /** the orders of one link (hash of its normal form, see `linkDigest`), score = created ms: the older form of linkBucket */
    linkOrders: (digest: string) => `${prefix}orders:link:${digest}`,
    /** what linkOrders puts before the digest (their background move to the buckets) */
    linkOrdersPrefix: `${prefix}orders:link:`,
    /**
     * the per-link index: one hash per 4 hex digits of the link's digest, field = 16 more digits,
     * value = the ids, oldest first, separated by spaces (about 30 B an order, where a zset key
     * per link took 170); linkOrders are the older form, moved here by OrderStore.migrateLinksStep
     */
    linkBucket: (digest: string) => `${prefix}orders:links:${digest.slice(0, 4)}`,
    /** the link's field in its bucket (a hash field, not a key: kept beside the bucket it completes) */
    linkField: (digest: string) => digest.slice(4, 20),
    /** where the link index move has got to (a SCAN cursor, or "done") */
    linkMigration: `${prefix}orders:links-move`,
    /**
     * the records of closed orders, 1,000 ids a bucket (id div 1000): one string, deflate-raw of
     * JSON lines, each a format-2 record with its id. Both the packed orders (closed for
     * ORDER_PACK_DAYS: still in every list, their hash gone; OrderStore.packStep) and the archived
     * ones (older than ORDER_HISTORY_DAYS: out of the lists too; OrderStore.archiveStep). A hash,
     * when there is one, is the order's current record.
     */
    orderArchive: (bucket: number) => `${prefix}orders:archive:${bucket}`,
    /** the packing pass: the id of the last order of the list it looked at */
    orderPackCursor: `${prefix}orders:pack-after`,
    /** orders the packing pass went by that were open or closed too recently, score = when to look again */
    orderPackLater: `${prefix}orders:pack-later`,
    /** the archiving pass: the id of the last order of the list it looked at, and its lock */
    orderArchiveCursor: `${prefix}orders:archive-after`,
    orderArchiveLock: `${prefix}orders:archive-lock`,
    /** service id → [name, category] as the service's first order had them (JSON, never changed): orders with the same leave theirs out */
    orderServices: `${prefix}orders:services`,
    /** the background rewrite of format-1 records (order-codec.ts): the next order id to look at, "done" when finished */
    orderMigration: `${prefix}orders:format2`,
    /** the passes' cursors before the list was bucketed (creation ms, an offset): deleted by the move */
    orderListOldCursors: [`${prefix}orders:pack-cursor`, `${prefix}orders:archive-skip`],

    // ---- the poller's schedule (PollSchedule) ---------------------------------------------------
    /** orders to poll, score = due ms (or a worker's lease while it looks at them) */
    pollDue: `${prefix}poll:due`,
    /** orders with a refill to track, score = due ms */
    refillDue: `${prefix}poll:refills`,
    /** placed orders the poller stopped tracking (odd panel answers): for admins to look at */
    attention: `${prefix}orders:attention`,
    /** since when the panel has failed status checks, shared by all workers (expires) */
    panelFailingSince: `${prefix}poll:panel-failing-since`,

    // ---- the shop's counters (StatsStore) ------------------------------------------------------
    stats: {
      /** for scripts, which build a day's and the total's key (includes/stats.lua) */
      prefix: `${prefix}stats:`,
      /** one UTC day's counters (hash), by day number (ms / 86,400,000): of the orders' creation, of the money's movement */
      day: (dayNumber: number) => `${prefix}stats:day:${dayNumber}`,
      /** the all-time counters (hash) */
      total: `${prefix}stats:total`,
      /** the background count of orders from before the counters: "i:<id>" of the last counted, "done" when finished */
      backfill: `${prefix}stats:backfill`,
    },

    // ---- customers' order actions (OrderActionLocks) -------------------------------------------
    /** short lock on a customer's refill/cancel of an order, so a double tap is one panel request */
    orderActionLock: (orderId: string, action: string) => `${prefix}lock:order:${orderId}:${action}`,

    // ---- wallets (WalletStore) -----------------------------------------------------------------
    /** balance in units of 0.00001 */
    wallet: (userId: number) => `${prefix}wallet:${userId}`,
    /** SCAN MATCH pattern of every wallet key (glob characters in the prefix escaped) */
    walletPattern: `${globEscape(prefix)}wallet:*`,
    /** newest-first list of a user's money movements, capped */
    ledger: (userId: number) => `${prefix}ledger:${userId}`,
    /** idempotency markers for credits (refunds, payments), holding the units credited */
    credited: (key: string) => `${prefix}credited:${key}`,

    // ---- users (UserStore) ---------------------------------------------------------------------
    user: (userId: number) => `${prefix}user:${userId}`,
    /** the user's dialog under way outside the conversations plugin (ActiveDialogs), read on arrival */
    dialog: (userId: number) => `${prefix}dialog:${userId}`,
    /** ids of every user who ever wrote */
    users: `${prefix}users`,
    /** per-user update counter of one flood-guard window (UserStore.arrive) */
    rateLimit: (userId: number, window: number) => `${prefix}rl:${userId}:${window}`,

    // ---- referrals (ReferralStore) -------------------------------------------------------------
    referral: {
      /** referral code → the user id it belongs to (hash) */
      codes: `${prefix}ref:codes`,
      /** one user's referral side (hash): code, referrerId, boundAt, invited, earned (units), rewarded (orders) */
      user: (userId: number) => `${prefix}ref:user:${userId}`,
      /** for scripts, which build the referrer's hash key from the id they find */
      userPrefix: `${prefix}ref:user:`,
      /** the users one referrer brought, score = bound ms */
      invited: (userId: number) => `${prefix}ref:invited:${userId}`,
      invitedPrefix: `${prefix}ref:invited:`,
      /** shop-wide totals (hash): users bound, earned (units), rewarded orders */
      totals: `${prefix}ref:totals`,
    },

    // ---- promo codes (PromoStore) --------------------------------------------------------------
    promo: {
      /** one code (hash): kind, amount/percent/cap/minOrder (units), uses, used, expiresAt, disabled */
      code: (code: string) => `${prefix}promo:code:${code}`,
      /** the users who redeemed a code: at most one use each */
      redeemers: (code: string) => `${prefix}promo:code:${code}:users`,
      /** every code, score = created ms */
      all: `${prefix}promo:codes`,
      /** a redeemed discount waiting for the user's next charged order (JSON, the same string the draft carries) */
      held: (userId: number) => `${prefix}promo:held:${userId}`,
    },

    // ---- catalog (CatalogStore) ----------------------------------------------------------------
    /** the panel's service list as last fetched (JSON) */
    catalog: `${prefix}catalog`,

    // ---- required channels (MembershipCache) ---------------------------------------------------
    /** whether a user had joined a required channel at the last check ("1"/"0", expires) */
    channelMember: (chat: string, userId: number) => `${prefix}chan:${chat}:${userId}`,

    // ---- service search (SearchQueries) ---------------------------------------------------------
    /** a user's last search query, so result pages need not carry it in callback data (expires) */
    searchQuery: (userId: number) => `${prefix}search:${userId}`,

    // ---- the owner's shop (ShopSettingsStore, AuditLog) ----------------------------------------
    shop: {
      /** curation and pricing rules, one hash field per setting (see ShopSettingsStore) */
      settings: `${prefix}shop:settings`,
      /** bumped by every change of the settings: every process rebuilds its shop catalog on a new value */
      version: `${prefix}shop:version`,
      /** newest-first list of exchange rates set (JSON: rate, who, at), capped */
      rateHistory: `${prefix}shop:rate-history`,
      /** the currency the wallets were opened in: a changed SHOP_CURRENCY is refused at start */
      walletCurrency: `${prefix}shop:wallet-currency`,
    },

    // ---- top-ups (InvoiceStore, ReceiptStore) ---------------------------------------------------
    /** top-up invoices (Telegram Payments, Stars) by the id their payload carries */
    invoice: (id: string) => `${prefix}topup:invoice:${id}`,
    /** a Stars payment by telegram_payment_charge_id, kept for refunds */
    starsCharge: (chargeId: string) => `${prefix}topup:stars:${chargeId}`,
    /** manual top-up receipts that admins approve or reject */
    receipt: (id: string) => `${prefix}topup:receipt:${id}`,
    /** receipts waiting for a decision, score = created ms (the back office lists them) */
    receiptsPending: `${prefix}topup:receipts:pending`,
    /** the receipt an album's first file became (expires): the album's other files are not answered as stray photos */
    receiptAlbum: (userId: number, mediaGroupId: string) => `${prefix}topup:receipt-album:${userId}:${mediaGroupId}`,

    // ---- admins (AdminRequests) ----------------------------------------------------
    /** a handled admin command, so a redelivered update is not carried out twice */
    adminRequest: (requestKey: string) => `${prefix}admin:req:${requestKey}`,

    // ---- broadcasts (BroadcastStore) -----------------------------------------------------------
    broadcast: {
      /** the last broadcast id handed out */
      seq: `${prefix}bc:seq`,
      /** one broadcast job (hash) with its SSCAN cursor */
      job: (id: string) => `${prefix}bc:${id}`,
      /** ids of broadcasts not finished yet */
      active: `${prefix}bc:active`,
      /** user ids given to the outbox: the number of outcomes to wait for */
      queued: (id: string) => `${prefix}bc:${id}:queued`,
      /** user ids left out because they had blocked the bot */
      skipped: (id: string) => `${prefix}bc:${id}:skipped`,
      /** which process works on the job now */
      lease: (id: string) => `${prefix}bc:${id}:lease`,
      /** the broadcast a source message was last sent in (expires): a second /broadcast of it is asked about first */
      source: (chatId: number, messageId: number) => `${prefix}bc:source:${chatId}:${messageId}`,
    },

    // ---- the outbound queue (OutboxStore) ------------------------------------------------------
    outbox: {
      /** one chat's messages in order (list) */
      queue: (chatId: number | string) => `${prefix}outbox:q:${chatId}`,
      /** for scripts, which build a chat's list key from its id */
      queuePrefix: `${prefix}outbox:q:`,
      /** chats with something to send, score = when the chat may be sent to next */
      ready: `${prefix}outbox:ready`,
      /** idempotency marker of a message key */
      seen: (key: string) => `${prefix}outbox:seen:${key}`,
      /** count of queued messages */
      pending: `${prefix}outbox:pending`,
      /** failed send attempts of the message at the head of each chat's list */
      attempts: `${prefix}outbox:attempts`,
      /** the next free send slot of the global rate limit, ms */
      rate: `${prefix}outbox:rate`,
      /** send times of the last second, the global limit's hard cap */
      sent: `${prefix}outbox:sent`,
      /** an at-most-once message whose send has started (expires): seen again, it is not sent again */
      started: (messageId: string) => `${prefix}outbox:started:${messageId}`,
      /** outcome counters of one tag (delivered / blocked / failed / maybe) */
      tag: (tag: string) => `${prefix}outbox:tag:${tag}`,
      /** for scripts, which build a tag's key from the tag a message carries */
      tagPrefix: `${prefix}outbox:tag:`,
    },

    // ---- reconciliation (ReconcileRuns) --------------------------------------------------------
    /** the daily reconciliation of one UTC day has been taken by a process (expires) */
    reconcileRun: (day: string) => `${prefix}reconcile:run:${day}`,

    // ---- backups (snapshot.ts) -------------------------------------------------------------------
    /** SCAN MATCH pattern of every key under the prefix */
    all: `${globEscape(prefix)}*`,

    // ---- update intake (UpdateStore) -------------------------------------------------------------
    intake: {
      /** the poller role: only its holder calls getUpdates (PX, owner id) */
      lease: `${prefix}intake:lease`,
      /** updates taken from Telegram and not handled to the end, score = update_id */
      pending: `${prefix}intake:pending`,
      /** update_id → the update's JSON, for the pending ones */
      bodies: `${prefix}intake:updates`,
      /** updates handled to the end: one bit per id, 65,536 ids a bucket */
      done: (bucket: number) => `${prefix}intake:done:${bucket}`,
    },

    // ---- the Stars check (StarsReconcileStore) ----------------------------------------------------
    starsReconcile: {
      /** how many of the bot's Stars transactions (oldest first) are settled for good */
      cursor: `${prefix}stars:reconcile:cursor`,
      /** one run at a time across all processes */
      lock: `${prefix}stars:reconcile:lock`,
    },

    // ---- the back office (AuditLog, WebSessionStore, UserStore's username index) ---------------------
    /** the admins' audit list, newest first */
    audit: `${prefix}audit`,
    web: {
      /** a one-time sign-in link, by the hash of its token */
      signIn: (tokenHash: string) => `${prefix}web:signin:${tokenHash}`,
      /** a signed-in admin's session, by the hash of its id */
      session: (idHash: string) => `${prefix}web:session:${idHash}`,
      /** sign-in attempts from one address in the current window */
      attempts: (ip: string, window: number) => `${prefix}web:signin-attempts:${ip}:${window}`,
    },
    /** lower-case @username → user id, for looking users up by name */
    username: (username: string) => `${prefix}username:${username.toLowerCase()}`,

    // ---- grammY conversations (ConversationStates) -----------------------------------------------
    /** the conversations plugin's state of one chat, read on arrival */
    conversation: (chatId: number) => `${prefix}conv:${chatId}`,
  };
}
export type Keys = ReturnType<typeof keys>;

/** Escapes glob characters so a key prefix can be used in SCAN MATCH. */
export function globEscape(s: string): string {
  return s.replace(/[*?[\]\\]/g, "\\$&");
}
