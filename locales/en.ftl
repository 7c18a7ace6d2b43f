# Language
language-choose = 🌐 Choose your language / Tilni tanlang / Выберите язык
language-name = 🇬🇧 English
language-set = ✅ Language: English

# Main menu (reply keyboard)
menu-order = 🛒 New order
menu-search = 🔍 Search
menu-orders = 📦 My orders
menu-balance = 💰 Balance
menu-referrals = 👥 Referrals
menu-promo = 🎁 Promo code
menu-help = ℹ️ Help
menu-language = 🌐 Language

# Command menu
cmd-order = New order
cmd-search = Search services by name
cmd-orders = My orders
cmd-balance = Wallet balance
cmd-referrals = Your referral link and earnings
cmd-promo = Redeem a promo code
cmd-help = Help
cmd-language = Change language
cmd-cancel = Leave the current step

welcome =
    👋 Hello, <b>{ $name }</b>!

    This bot sells social media promotion: followers, likes, views and more.
    Choose <b>🛒 New order</b> to see the services, or <b>💰 Balance</b> to check your wallet.
help =
    <b>How it works</b>

    1. 🛒 <b>New order</b> (/order): choose a category and a service.
    2. Send the link and the quantity.
    3. Check the price and confirm: it is paid from your wallet.
    4. You will get a message when the order changes status.

    📦 /orders: your orders, with refill and cancel where the service allows them.
    💰 /balance: your wallet.
    🌐 /language: change the language.
    /cancel: leave the current step.
cancel-nothing = Nothing to cancel. Choose an action from the menu.

# Wallet
balance-show = 💰 Your balance: <b>{ $balance }</b>

# Errors
error-generic = ⚠️ Something went wrong. Please try again in a minute.
error-too-fast = ⏳ Too many requests. Please wait a few seconds.

# order (catalog browsing, order dialog, placement)
order-catalog-unavailable = ⚠️ Services are temporarily unavailable. Please try again in a few minutes.
order-catalog-empty = There are no services to order right now.
order-categories = 🛒 <b>Choose a category</b> (page { $page } of { $pages })
order-services =
    📂 <b>{ $category }</b>
    Choose a service (page { $page } of { $pages }):
order-price-per-1000 = { $price } per 1000
order-service-gone = ⚠️ This service is not available any more. Please choose another one.
order-button-expired = ⚠️ This button is no longer valid. Start again with /order.
order-back = ⬅️ Back
order-button-order = 🛒 Order
order-card-price-per-1000 = 💵 Price per 1000: <b>{ $price }</b>
order-card-price-flat = 💵 Price: <b>{ $price }</b>
order-card-limits = 🔢 Minimum: { $min } · Maximum: { $max }
order-card-refill-yes = ♻️ Refill: available
order-card-refill-no = ♻️ Refill: not available
order-card-cancel-yes = ✖️ Cancel: possible
order-card-cancel-no = ✖️ Cancel: not possible
order-ask-link = 🔗 Send the link for <b>{ $service }</b> (for example https://t.me/channel).
order-ask-quantity = 🔢 How many? Send a whole number from { $min } to { $max }.
order-ask-comments = 💬 Send the comments, one per line: from { $min } to { $max } lines.
order-link-invalid = ⚠️ That is not a link. Send a link that starts with https://
order-link-too-long = ⚠️ The link is too long: at most { $max } characters.
order-quantity-not-number = ⚠️ Send a whole number from { $min } to { $max }.
order-quantity-below-min = ⚠️ Too few: the minimum is { $min } (the maximum is { $max }).
order-quantity-above-max = ⚠️ Too many: the maximum is { $max } (the minimum is { $min }).
order-comments-below-min = ⚠️ { $count } { COUNT($count) ->
        [one] comment
       *[other] comments
    }: at least { $min } are needed (at most { $max }).
order-comments-above-max = ⚠️ { $count } { COUNT($count) ->
        [one] comment
       *[other] comments
    }: at most { $max } are allowed (at least { $min }).
order-hint-link = ✍️ Send the link as a text message, or /cancel to stop.
order-hint-quantity = ✍️ Send the quantity as a number, or /cancel to stop.
order-hint-comments = ✍️ Send the comments as a text message, or /cancel to stop.
order-button-cancel = ❌ Cancel
order-cancelled = ❌ Order cancelled.
order-confirm-title = 🧾 <b>Check your order</b>
order-confirm-service = Service: <b>{ $service }</b>
order-confirm-link = Link: { $link }
order-confirm-quantity = Quantity: <b>{ $quantity }</b>
order-confirm-comments = Comments: <b>{ $count }</b>
order-confirm-price = Price: <b>{ $price }</b>
order-confirm-balance = Your balance: { $balance }
order-confirm-after = Balance after the order: { $after }
order-confirm-short = ⚠️ Not enough money: top up <b>{ $shortfall }</b>, then press Confirm.
order-button-confirm = ✅ Confirm
order-draft-cancelled = ❌ Order cancelled. Nothing was charged.
order-placing = ⏳ Placing your order…
order-placed =
    ✅ <b>Order placed!</b>
    Order number: <b>#{ $id }</b>
    Panel order ID: <code>{ $panelId }</code>
    You will get a message when its status changes. Your orders: /orders
order-not-found = ⚠️ This order is no longer available. Start a new one with /order.
order-already-done = ℹ️ This order was already placed or cancelled.
order-funds =
    💰 Not enough money in your wallet.
    Price: <b>{ $price }</b>
    Balance: { $balance }
    Missing: <b>{ $shortfall }</b>
    Top up your wallet, then press ✅ Confirm again.
order-failed-unavailable = ⚠️ The service is temporarily unavailable. Your money is back in your wallet. Please try again later.
order-failed-quantity = ⚠️ The quantity was not accepted: { $message }. Your money is back in your wallet.
order-failed-link = ⚠️ The link was not accepted. Check that it is correct and the page is public. Your money is back in your wallet.
order-failed-active = ⚠️ An order for this link is still in progress. Order again when it is completed. Your money is back in your wallet.
order-failed-service = ⚠️ This service is not available any more. Your money is back in your wallet.
order-failed-other = ⚠️ The order was refused: { $message }. Your money is back in your wallet.
order-failed-unreachable = ⚠️ The service could not be reached. Your money is back in your wallet. Please try again later.
order-unknown = ⏳ There was no answer about order #{ $id }. It is being checked: your money stays reserved until then, and you will get a message.
order-recovered-refunded = ↩️ Order #{ $id } ({ $service }) was interrupted before it was sent. Your money is back in your wallet.
order-recovered-unknown = ⏳ Order #{ $id } ({ $service }) was interrupted and is being checked. Your money stays reserved until then.
alert-unknown-order =
    Order #{ $id } (user { $user }) has an unknown outcome: { $reason }
    Service: { $service }
    Link: { $link }
    Price: { $price }
    The money stays reserved. Check the panel and settle the order by hand.
alert-panel-funds = The panel account is out of money, orders are refused ({ $message }). Top up the panel balance.
alert-panel-key = The panel refused the API key or the account: { $message }. Check PANEL_API_KEY and the panel account.

# orders (My orders: list, details, refill, cancel)
orders-empty = 📦 You have no orders yet. Choose 🛒 New order or send /order to place your first one.
orders-list-title = 📦 <b>Your orders</b> (page { $page } of { $pages })
orders-list-line = <b>#{ $id }</b> · <code>{ $panelId }</code> · { $service } · { $quantity } · { $status }
orders-list-hint = Tap an order to see its details.
orders-status-pending = ⏳ Pending
orders-status-in-progress = 🔄 In progress
orders-status-processing = ⚙️ Processing
orders-status-completed = ✅ Completed
orders-status-partial = 🌗 Partially completed
orders-status-canceled = ❌ Canceled
orders-status-refunded = ↩️ Refunded
orders-status-failed = ⚠️ Failed
orders-status-active = 🟢 Active
orders-status-unknown = ❔ { $raw }
orders-status-checking = 🔎 Being checked
orders-status-not-placed = ↩️ Not placed, refunded
orders-status-placing = ⏳ Being placed
orders-refill-status-pending = ⏳ pending
orders-refill-status-in-progress = 🔄 in progress
orders-refill-status-completed = ✅ completed
orders-refill-status-rejected = ❌ rejected
orders-refill-status-failed = ⚠️ failed
orders-refill-status-canceled = ❌ canceled
orders-refill-status-unknown = ❔ { $raw }
orders-details-title = 📦 <b>Order #{ $id }</b>
orders-details-panel-id = 🆔 Panel order ID: <code>{ $panelId }</code>
orders-details-service = 🛍 Service: <b>{ $service }</b>
orders-details-link = 🔗 Link: { $link }
orders-details-quantity = 🔢 Quantity: { $quantity }
orders-details-price = 💵 Paid: { $price }
orders-details-status = 📊 Status: <b>{ $status }</b>
orders-details-start-count = ▶️ Start count: { $count }
orders-details-remains = ⏳ Remaining: { $count }
orders-details-refunded = ↩️ Refunded to your wallet: { $amount }
orders-details-refill = ♻️ Refill { $refillId }: { $status }
orders-details-panel-error = ⚠️ Note from the service: { $message }
orders-details-created = 🕒 Ordered: { $date }
orders-details-updated = 🕓 Last change: { $date }
orders-details-live = 🔄 Current status from the service, checked { $date }.
orders-button-refill = ♻️ Refill
orders-button-cancel = ❌ Cancel
orders-button-refresh = 🔄 Refresh
orders-button-back = ⬅️ Back
orders-button-cancel-confirm = ✅ Yes, cancel it
orders-button-cancel-keep = ⬅️ No, keep it
orders-cancel-ask =
    ❓ Cancel order <b>#{ $id }</b> ({ $service })?
    If the service confirms, the unused money goes back to your wallet and you get a message.
orders-sending = ⏳ Sending the request…
orders-not-found = ⚠️ Order not found.
orders-not-placed = ℹ️ This order was not placed with the service, so there is nothing to do with it.
orders-busy = ⏳ This request is already being sent. Please wait a moment.
orders-already-requested = ℹ️ This request was already sent. You will get a message when it is done.
orders-refill-not-available = ♻️ This service does not offer a refill.
orders-refill-not-completed = ♻️ A refill is possible only after the order is completed.
orders-refill-in-progress = ♻️ A refill of this order is already in progress.
orders-refill-requested = ✅ Refill requested (ID { $refillId }). You will get a message when it is done.
orders-cancel-not-available = This service does not allow canceling an order.
orders-cancel-final = This order is already finished and cannot be canceled.
orders-cancel-requested = ✅ Cancellation requested. When the service confirms it, the unused money goes back to your wallet and you get a message.
orders-panel-refill-disabled = ⚠️ The service does not allow a refill of this order.
orders-panel-not-completed = ⚠️ The service says the order is not completed yet, so it cannot be refilled now.
orders-panel-incorrect-order = ⚠️ The service does not recognise this order. Please contact support.
orders-panel-cancel-disabled = ⚠️ The service does not allow canceling this order.
orders-panel-not-cancelable = ⚠️ The service says this order can no longer be canceled.
orders-panel-unavailable = ⚠️ The service is temporarily unavailable. Please try again later.
orders-panel-other = ⚠️ The service answered: { $message }
# panel dialects
orders-panel-refill-cooldown = ⏳ A refill of this order was requested recently. The service allows the next one only after a while: please try again later.
orders-panel-refill-cooldown-wait = ⏳ A refill of this order was requested recently. The service allows the next one after { $wait }.
orders-panel-action-unsupported = ⚠️ The service this shop works with does not support this action.
orders-unreachable = ⚠️ The service could not be reached. Please try again later.
orders-unconfirmed = ⏳ We could not confirm that the request went through. Check the order again later.

# fallback (messages and buttons nothing else handled)
fallback-not-understood = 🤔 Sorry, I did not understand that. Please use the menu below, or /help.
fallback-unknown-command = 🤔 I do not know that command. Please use the menu below, or /help.
fallback-media = 🤔 I cannot use stickers, photos or files here. Please use the menu below, or /help.
fallback-button-expired = ⌛ This button is no longer active. Please open the menu again.
fallback-private-only = 👋 I work only in a private chat. Write to me at @{ $bot }.

# admin
admin-not-allowed = 🔒 Sorry, this is only for the shop's administrators.
admin-cmd-order = New order · /order ID: any order's details
admin-cmd-promo = Redeem a code · /promo create|list|disable: promo codes
admin-cmd-topup = Credit or debit a user's wallet
admin-cmd-user = A user's wallet and orders
admin-cmd-settle = Settle an order with an unknown outcome
admin-cmd-stats = Shop statistics
admin-cmd-broadcast = Send a message to all users (as a reply to it)
admin-cmd-approve = Approve a top-up receipt (ID, optional amount)
admin-cmd-refundstars = Refund a Telegram Stars payment
admin-balance-panel = 🏦 Panel balance: <b>{ $balance }</b>
admin-balance-wallets = 👛 Users' wallets hold: <b>{ $total }</b>
admin-balance-low = ⚠️ The panel balance is lower than what users hold in their wallets: top up the panel by at least <b>{ $shortfall }</b>, or orders will be refused.
admin-balance-currency = ℹ️ The panel counts in { $panelCurrency } and the wallets in { $currency }: compare the two yourself.
admin-balance-panel-refused = ⚠️ The panel refused the balance request: { $message }
admin-balance-panel-unreachable = ⚠️ The panel did not answer the balance request.
admin-repeated = ℹ️ This command was already carried out.
admin-user-unknown = ⚠️ User <code>{ $user }</code> has not started this bot.
admin-topup-usage =
    Usage: <code>/topup USER_ID AMOUNT</code>
    A negative amount takes money from the wallet, never below zero.
    Examples: <code>/topup 123456789 10.5</code> · <code>/topup 123456789 -3</code>
admin-topup-credited = ✅ Credited <b>{ $amount }</b> to user <code>{ $user }</code>. Their balance: <b>{ $balance }</b>.
admin-topup-debited = ✅ Took <b>{ $taken }</b> from user <code>{ $user }</code> (asked: { $asked }). Their balance: <b>{ $balance }</b>.
admin-topup-empty = ℹ️ The wallet of user <code>{ $user }</code> is empty: nothing was taken.
admin-topup-user-credited = 💰 Your wallet was credited with <b>{ $amount }</b>. Balance: <b>{ $balance }</b>.
admin-topup-user-debited = 💰 The administrator took <b>{ $amount }</b> from your wallet. Balance: <b>{ $balance }</b>.
admin-user-usage = Usage: <code>/user USER_ID</code>
admin-user-card =
    👤 <b>User <code>{ $user }</code></b> { $name }
    🌐 Language: { $language }
    { $blocked ->
        [yes] 🚫 Has blocked the bot
       *[no] ✅ Receives messages
    }
    🕓 First seen { $created } · last seen { $seen }
    💰 Wallet: <b>{ $balance }</b>
    📦 Orders: { $orders }
admin-user-language-none = not chosen
admin-user-ledger = <b>Last wallet movements</b>
admin-user-ledger-empty = No wallet movements yet.
admin-ledger-row = { $date } · <b>{ $amount }</b> → { $balance } · { $reason }
admin-ledger-reason = { $reason ->
        [order] order #{ $order }
        [refund] refund of order #{ $order }
        [admin] by admin { $admin }
        [payment] payment
        [payment_refund] payment returned
        [settle] settlement of order #{ $order }
        [referral] referral reward for order #{ $order }
        [promo] promo code
       *[other] { $reason }
    }
admin-totals-placed = { $count } placed
admin-totals-failed = { $count } not placed
admin-totals-unknown = { $count } awaiting /settle
admin-totals-placing = { $count } being placed
admin-totals-none = none
admin-status = { $status ->
        [pending] pending
        [in_progress] in progress
        [processing] processing
        [completed] completed
        [partial] partial
        [canceled] canceled
        [refunded] refunded
        [failed] failed
        [active] active
       *[other] unknown
    }
admin-placement = { $placement ->
        [draft] draft (not confirmed)
        [reserved] paid, not sent yet
        [sending] being sent
        [placed] placed
        [failed] not placed, refunded
       *[unknown] outcome unknown, awaiting /settle
    }
admin-order-not-found = ⚠️ No order { $id }.
admin-order-title = 🧾 <b>Order #{ $id }</b> · { $placement }
admin-order-user = 👤 User <code>{ $user }</code> { $name }
admin-order-service = 🛍 { $service } (service { $serviceId })
admin-order-link = 🔗 { $link }
admin-order-quantity = 🔢 Quantity: { $quantity }
admin-order-price = 💵 Paid: <b>{ $price }</b> · panel rate: { $rate }
admin-order-panel = 🆔 Panel order: <code>{ $panelId }</code> · status: { $status }
admin-order-progress = Start count: { $start } · remains: { $remains }
admin-order-charge = Panel charge: { $charge }
admin-order-refunded = Refunded to the user: { $refunded }
admin-order-reason = ⚠️ { $reason }
admin-order-dates = 🕓 Created { $created } · updated { $updated }
admin-order-settle-hint = Settle it: <code>/settle { $id } PANEL_ORDER_ID</code> or <code>/settle { $id } refund</code>
admin-order-live = 🔄 Panel now: <b>{ $status }</b> · remains: { $remains } · charge: { $charge }
admin-order-live-refused = 🔄 Panel answer: ⚠️ { $message }
admin-order-live-unreachable = 🔄 The panel did not answer.
admin-settle-usage =
    Usage: <code>/settle ORDER_ID PANEL_ORDER_ID</code> when the panel has the order, <code>/settle ORDER_ID refund</code> when it does not.
    Orders awaiting settlement: { $waiting }
admin-settle-waiting-more = { $ids } and { $count } more
admin-settle-not-unknown = ℹ️ Order #{ $id } is not awaiting settlement: { $placement }.
admin-settle-panel-id-taken = ⚠️ Panel order <code>{ $panelId }</code> already belongs to order #{ $other }.
admin-settle-placed = ✅ Order #{ $id } is recorded as panel order <code>{ $panelId }</code>; its status is tracked from now on. The user was told.
admin-settle-refunded = ✅ Order #{ $id } is recorded as not placed: { $amount } went back to user <code>{ $user }</code>, who was told.
admin-settle-user-placed = ✅ Your order #{ $id } ({ $service }) has been placed. You will get a message when its status changes.
admin-settle-user-refunded = ↩️ Your order #{ $id } ({ $service }) could not be placed. { $amount } is back in your wallet.
admin-stats =
    📊 <b>Shop statistics</b>
    👥 Users: <b>{ $users }</b>

    <b>Today ({ $day }, UTC)</b>
    📦 { $todayOrders }
    💵 Turnover { $todayTurnover } · refunds { $todayRefunded } · margin { $todayMargin }

    <b>All time</b>
    📦 { $totalOrders }
    💵 Turnover { $totalTurnover } · refunds { $totalRefunded } · margin { $totalMargin }

    ℹ️ Turnover: what users paid for placed orders, less refunds. Margin: turnover less the panel's cost, which is the charge the panel reported or else the order's stored rate × quantity (worked out per order, not estimated from today's markup).
admin-broadcast-usage = Reply with <code>/broadcast</code> to the message every user should receive: it is copied as it is (text, photo, video…).
admin-broadcast-same-source = ℹ️ This message was already broadcast today (#{ $id }): nothing was sent. To send it to every user once more, reply to it with <code>/broadcast again</code>.
admin-broadcast-started = 📣 Broadcast #{ $id } started for { $users } { COUNT($users) ->
        [one] user
       *[other] users
    }.
admin-broadcast-progress = 📣 Broadcast #{ $id }: { $queued } of { $users } queued · ✅ { $delivered } delivered · 🚫 { $blocked } blocked · ⚠️ { $failed } failed · ❔ { $maybe } maybe delivered
admin-broadcast-done = 📣 Broadcast #{ $id } finished: ✅ { $delivered } delivered · 🚫 { $blocked } have blocked the bot · ⚠️ { $failed } failed · ❔ { $maybe } maybe delivered (interrupted while sending, not sent again) · { $skipped } skipped (had blocked the bot before).

# topup (wallet top-ups: Telegram Payments, Stars, receipts; payment support and terms)
topup-button = ➕ Top up
topup-unavailable = ℹ️ To top up your wallet, write to the administrator.
topup-choose-method =
    ➕ <b>Top up your wallet</b>
    Choose how you want to pay:
topup-method-provider = 💳 Pay by card ({ $currency })
topup-method-stars = ⭐ Telegram Stars
topup-method-manual = 🧾 Transfer and send a receipt
topup-button-cancel = ❌ Cancel
topup-button-expired = ⚠️ This button is no longer valid. Open 💰 Balance again.
topup-cancelled = ❌ Top-up cancelled.
topup-provider-ask =
    💳 <b>Pay by card</b>
    Rate: 1 { $currency } = { $rate }

    How much do you want to add? Choose an amount or send it as a number, from { $min } to { $max }.
topup-stars-ask =
    ⭐ <b>Telegram Stars</b>
    1 ⭐ = { $rate }

    How many stars? Choose or send a whole number from { $min } to { $max }.
topup-manual-ask =
    🧾 <b>Transfer and send a receipt</b>

    Send the money to:
    { $details }

    Then send here the amount you transferred, in { $currency }: from { $min } to { $max }.
topup-amount-not-number = ⚠️ Send the amount as a number, for example 10 or 12.5: from { $min } to { $max }. To stop, send /cancel.
topup-amount-below-min = ⚠️ Too little: the minimum is { $min } (the maximum is { $max }).
topup-amount-above-max = ⚠️ Too much: the maximum is { $max } (the minimum is { $min }).
topup-stars-invalid = ⚠️ Send a whole number of stars from { $min } to { $max }. To stop, send /cancel.
topup-manual-ask-receipt = 📎 Now send a photo or a file of the receipt for { $amount }.
topup-receipt-hint = 📎 Send the receipt as a photo or a file, or /cancel to stop.
topup-receipt-sent = ✅ Receipt <code>{ $id }</code> has been sent for checking. You will get a message as soon as an administrator decides.
topup-receipt-album = ℹ️ It was an album: its first file went to the administrators as the receipt. If the other files matter, send them with /paysupport.
topup-invoice-title = Wallet top-up
topup-invoice-description = { $amount } will be added to your wallet in this bot.
topup-invoice-label = Top-up { $amount }
topup-invoice-failed = ⚠️ The payment could not be prepared right now. Please try again later or choose another way to top up.
topup-checkout-unknown = This invoice is not valid any more. Please request a new one from 💰 Balance.
topup-checkout-foreign = This invoice was issued to another user.
topup-checkout-paid = This invoice has already been paid.
topup-checkout-expired = This invoice has expired. Please request a new one from 💰 Balance.
topup-checkout-mismatch = The amount does not match the invoice. Please request a new one from 💰 Balance.
topup-credited =
    ✅ Payment received: <b>+{ $amount }</b>
    💰 Balance: <b>{ $balance }</b>
topup-payment-unmatched = ⚠️ Your payment has arrived but could not be matched to a top-up. The administrators have been told; if you do not hear from them, write /paysupport. Payment ID: <code>{ $charge }</code>
topup-admin-payment-unmatched =
    ⚠️ A payment could not be matched to a top-up and was not credited.
    User: { $user }
    Paid: { $total }
    Payment ID: <code>{ $charge }</code>
    Check it and settle the wallet by hand.
topup-payment-failed = ⚠️ Your payment has arrived, but the bot could not credit it just now. The administrators have been told and will credit it; if it is not on your balance soon, write /paysupport. Payment ID: <code>{ $charge }</code>
topup-admin-payment-failed =
    ⚠️ A payment arrived but could not be credited: the bot's storage failed three times (see the log).
    User: { $user }
    Paid: { $total }
    Payment ID: <code>{ $charge }</code>
    Credit the wallet by hand with /topup.
topup-receipt-admin =
    🧾 <b>Receipt { $id }</b>
    From: { $user }
    Amount: <b>{ $amount }</b>

    To credit a different amount: <code>/approve { $id } AMOUNT</code>
topup-receipt-admin-note = 💬 The customer wrote: <i>{ $note }</i>
topup-receipt-approve = ✅ Approve
topup-receipt-reject = ❌ Reject
topup-receipt-approved-by = ✅ Approved by { $admin }: { $amount }
topup-receipt-rejected-by = ❌ Rejected by { $admin }
topup-receipt-done-approved = ✅ Approved
topup-receipt-done-rejected = ❌ Rejected
topup-receipt-already = Already decided by { $admin }.
topup-receipt-not-found = ⚠️ Receipt { $id } was not found.
topup-receipt-user-approved =
    ✅ Receipt { $id } has been approved: <b>+{ $amount }</b> is in your wallet.
    💰 Balance: <b>{ $balance }</b>
topup-receipt-user-rejected = ❌ Receipt { $id } has not been approved. If you think this is a mistake, write /paysupport.
topup-approve-usage = Usage: <code>/approve RECEIPT AMOUNT</code>, for example <code>/approve K7Q2M9XP 12.5</code>. Without an amount, the amount the user gave is credited.
topup-approve-done = ✅ Receipt { $id } approved: { $amount } credited to { $user }.
topup-approve-already = ℹ️ Receipt { $id }: { $decision }
topup-refund-usage = Usage: <code>/refundstars USER_ID CHARGE_ID</code>. Add <code>force</code> at the end to refund even when the wallet no longer holds the amount.
topup-refund-not-found = ⚠️ User { $user } has no Stars payment <code>{ $charge }</code>.
topup-refund-already-done = ℹ️ This payment has already been refunded.
topup-refund-already-started = ⚠️ A refund of this payment was started but not finished. Check the user's wallet and settle it by hand.
topup-refund-short = ⚠️ The wallet holds { $balance }, less than the { $amount } this payment added. To refund anyway and take what there is: <code>/refundstars { $user } { $charge } force</code>
topup-refund-failed = ⚠️ Telegram did not refund the payment: { $reason }
topup-refund-uncertain = ⚠️ Telegram gave no clear answer ({ $reason }): the stars may or may not have gone back. Nothing was taken from the wallet. Run <code>/refundstars { $user } { $charge }</code> again later: it asks Telegram and takes the money only once the refund is confirmed.
topup-refund-done = ✅ ⭐ { $stars } refunded to user { $user }; { $taken } taken from the wallet (balance: { $balance }).
topup-refund-done-short = ✅ ⭐ { $stars } refunded to user { $user }. The wallet held only { $taken } of { $amount }: the rest could not be taken back (balance: { $balance }).
topup-refund-user =
    ↩️ Your payment of ⭐ { $stars } has been refunded. { $taken } was taken from your wallet.
    💰 Balance: { $balance }
topup-cmd-paysupport = Payment support
topup-cmd-terms = Terms of payment
topup-paysupport =
    💬 <b>Payment support</b>

    Describe the problem in one message that starts with /paysupport, for example:
    <code>/paysupport I paid 50 000 UZS at 14:05 but my balance did not change</code>
    Add the date, the amount and the payment ID if you have it. An administrator will contact you.
topup-paysupport-sent = ✅ Your message has been sent to the administrators. They will contact you.
topup-paysupport-unavailable = ⚠️ Payment support is not set up in this bot yet.
topup-paysupport-admin =
    💬 <b>Payment support</b> request from { $user }:

    { $text }
topup-terms =
    📄 <b>Terms of payment</b>

    • Top-ups go to your wallet in this bot, in { $currency }, and are spent on orders here.
    • Card payments and Telegram Stars are converted into { $currency } at the rate shown before you pay; the result is rounded down to 0.00001 { $currency }.
    • A transfer with a receipt is credited after an administrator has checked the receipt, with the amount that actually arrived.
    • When an order fails or is cancelled, its price comes back to your wallet.
    • Money in the wallet cannot be withdrawn. For a payment made by mistake, write /paysupport.

# tracking (order status and refill notifications, poller alerts)
tracking-order-title = 📦 Order <b>#{ $id }</b> · panel ID <code>{ $panelId }</code>
tracking-order-service = 🛍 { $service }
tracking-order-status = 📊 New status: <b>{ $status }</b>
tracking-status = { $status ->
        [pending] ⏳ Pending
        [in_progress] 🔄 In progress
        [processing] ⚙️ Processing
        [completed] ✅ Completed
        [partial] 🌗 Partially completed
        [canceled] ❌ Canceled
        [refunded] ↩️ Refunded
        [failed] ⚠️ Failed
        [active] 🟢 Active
       *[other] ❔ { $raw }
    }
tracking-order-delivered = 📈 Delivered: { $delivered } of { $quantity }
tracking-order-refunded = ↩️ <b>{ $amount }</b> is back in your wallet.
tracking-order-refund-checking = ↩️ An administrator will check the refund for the part that was not delivered.
tracking-refill-completed =
    ♻️ <b>Refill completed</b>
    📦 Order <b>#{ $id }</b> · panel ID <code>{ $panelId }</code>
    🛍 { $service }
tracking-refill-ended =
    ♻️ <b>Refill not done</b>: { $status }
    📦 Order <b>#{ $id }</b> · panel ID <code>{ $panelId }</code>
    🛍 { $service }
tracking-refill-status = { $status ->
        [rejected] rejected by the service
        [canceled] canceled
       *[other] failed
    }
tracking-alert-stuck-order = Order #{ $id } (panel order { $panelId }, user { $user }) is no longer tracked: { $reason }. Check it in the panel: /order { $id }
tracking-alert-panel-down = The panel has not answered status checks for { $minutes } min ({ $reason }). Order tracking goes on by itself once it answers.

## The owner's shop: prices that changed at Confirm, the refresh digest, the admins' shop screens
order-repriced = ⚠️ The price changed from { $old } to <b>{ $new }</b> since you saw it. Nothing was charged: check the order again and confirm.
digest-title = 🔄 <b>The panel's catalog changed</b>
digest-at-loss = ⛔ Hidden: the fixed price no longer covers the cost (or the minimum margin): { $count }
digest-lost-categories = 🏷 Categories you set up are gone from the panel's list (renamed or emptied: their hiding, markup, pin and names no longer apply; set them again on the new ones): { $count }
digest-rates = 💱 Rate changes: { $count }
digest-rate-line = { $service }: { $old } → { $new } ({ $percent })
digest-added = ➕ New services: { $count }
digest-removed = ➖ Removed services: { $count }
digest-limits = 📏 Min/max changes: { $count }
digest-limit-line = { $service }: { $old } → { $new }
digest-more = …and { $count } more (see /catalog).
admin-cmd-catalog = Shop catalog: hide, rename, price (add words or an id to search)
admin-cmd-rate = Exchange rate of the shop currency
admin-cmd-pricing = Global markup, rounding step, minimum margin and order price
admin-cmd-audit = Latest changes to the shop
shop-catalog-title = 🗂 <b>Shop catalog</b>: { $categories } categories, { $visible } shown to customers (page { $page } of { $pages }). ✅ shown, 🚫 hidden.
shop-search-found = 🔎 Found for “{ $query }”: { $count }
shop-search-none = 🔎 Nothing found for “{ $query }”. Try a service id or other words.
shop-panel-name = Panel name: { $name }
shop-state-visible = ✅ Shown to customers
shop-state-hidden = 🚫 Hidden from customers
shop-state-at-loss = ⛔ Hidden by itself: the fixed price does not cover the cost
shop-markup-own = Markup: <b>{ $markup }</b> (own)
shop-markup-global = Markup: { $markup } (the global one)
shop-pin = Pinned at: { $pin }
shop-services-count = Services shown: { $visible } of { $total }
shop-names = Own names (— the panel's):
shop-none = none
shop-per-1000 = per 1000
shop-mode-category = Price: follows the category ({ $markup })
shop-mode-markup = Price: own markup <b>{ $markup }</b>
shop-mode-fixed = Price: fixed <b>{ $price }</b>
shop-cost-line = Panel cost: { $cost } = { $costInShop } · Shop price: <b>{ $price }</b> · Margin: { $margin } ({ $percent })
shop-button-show = ✅ Show
shop-button-hide = 🚫 Hide
shop-button-markup = Markup %
shop-button-pin = Pin
shop-button-fixed = Fixed price
shop-button-follow = Follow the category
shop-button-rename = Name ({ $language })
shop-button-describe = Description ({ $language })
shop-saved = ✅ Saved.
shop-ask = ✏️ { $what ->
        [cm] Send the category's markup in percent (e.g. 25), or - to use the global one.
        [cp] Send the place to pin the category at (1 = first), or - to unpin it.
        [cn] Send the category's name in “{ $language }”, or - to use the panel's.
        [sm] Send the service's own markup in percent (e.g. 40), or - to follow the category.
        [sf] Send the service's fixed price per 1000 (per package for packages) in the shop currency, or - to follow the category.
        [sn] Send the service's name in “{ $language }”, or - to use the panel's.
       *[sd] Send the service's description in “{ $language }”, or - to use the panel's.
    } /cancel leaves it unchanged.
shop-input-again = Send another value, or /cancel.
shop-input-cancelled = Nothing changed.
shop-error = ⚠️ { $error ->
        [not_number] That is not a number. Type digits, e.g. 25 or 12.5.
        [too_big] That number is too large.
        [not_positive] It must be more than 0.
        [too_long] That text is too long.
        [empty] The text is empty.
        [unknown_category] This category is not in the panel's catalog any more.
        [unknown_service] This service is not in the panel's catalog any more.
        [same_currency] The shop sells in the panel's currency: there is no exchange rate to set.
       *[invalid] That value cannot be used.
    } Nothing was changed.
shop-rate-show = 💱 1 { $panelCurrency } = <b>{ $rate }</b> (set by { $by }, { $at } UTC)
shop-rate-missing = 💱 No exchange rate yet: customers cannot order until you set how many { $currency } one { $panelCurrency } is.
shop-rate-history = Earlier rates:
shop-rate-usage = To set it: <code>/rate 12650</code>
shop-rate-same-currency = 💱 The shop sells in the panel's currency ({ $currency }): no exchange rate is needed. Set SHOP_CURRENCY to sell in another one.
shop-unavailable-rate = ⚠️ The catalog cannot be priced yet: set the exchange rate with /rate (or the panel's list is not available).
shop-pricing-show = 🏷 <b>Pricing</b>
    Global markup: <b>{ $markup }</b>
    Rounding step: { $step }
    Minimum margin of fixed prices: { $margin }
    Minimum order price: { $min }
shop-pricing-usage = To change: <code>/pricing markup 25</code>, <code>/pricing step 100</code>, <code>/pricing margin 5</code>, <code>/pricing min 1000</code> (0 removes the step or the minimum).
shop-audit-title = 📜 <b>Latest changes</b> ({ $shown } of { $total })
shop-audit-row = { $at } · { $who } · <b>{ $what }</b>: { $old } → { $new }
shop-audit-empty = 📜 No changes yet.

## Reconciliation (/reconcile and the daily check)
admin-cmd-reconcile = Check wallets, ledgers and orders
reconcile-working = 🔎 Checking wallets, ledgers and orders…
reconcile-clean = ✅ <b>Reconciliation: everything matches</b>
reconcile-off = ⚠️ <b>Reconciliation found differences: { $count }</b>
reconcile-summary =
    👥 Customers: { $customers } · orders: { $orders }
    👛 In customers' wallets: { $wallets }
    🏦 Panel balance: { $panel }
reconcile-panel-unavailable = not available ({ $reason })
reconcile-wallet = User { $user }: the wallet holds { $wallet }, its ledger adds up to { $ledger }
reconcile-ledger-gap = User { $user }: a ledger entry before { $at } is missing or was changed
reconcile-charge-missing = Order #{ $id } (user { $user }): its charge is not in the ledger
reconcile-charge-repeated = Order #{ $id } (user { $user }): charged more than once (entries: { $count })
reconcile-charge-amount = Order #{ $id } (user { $user }): the ledger charged { $ledger }, the order's price is { $price }
reconcile-refund-mismatch = Order #{ $id } (user { $user }): refunds in the ledger { $ledger }, expected { $expected }
reconcile-orphan-entry = User { $user }: a ledger entry for order #{ $id }, which is not among their orders
reconcile-stuck = Order #{ $id } (user { $user }): { $placement ->
        [reserved] money reserved, the order was never sent
        [sending] sent to the panel, no answer
       *[other] outcome unknown, waiting for /settle
    } since { $since }
reconcile-panel-short = The panel balance ({ $panel }) is less than customers hold in their wallets ({ $wallets })
reconcile-more = More differences: { $count } (all of them are in the log).
reconcile-capped = Ledgers at their size limit, checked from a carried-forward balance: users { $users }

## Referrals
referral-screen =
    👥 <b>Invite friends</b>

    For every order a friend you invited pays for, you get <b>{ $percent }%</b> of what they paid (after refunds) in your wallet.

    Your personal link:
    { $link }

    Joined through your link: <b>{ $invited }</b>
    Earned: <b>{ $earned }</b>
referral-off = 👥 The referral program is not running at the moment.
referral-joined = 👥 { $name } joined the shop through your link. You will earn a share of their orders.
referral-reward = 💸 Referral reward: <b>{ $amount }</b> for order #{ $order } of a friend you invited. It is in your wallet.

## Promo codes
promo-ask = 🎁 Send your promo code in one message (or /cancel).
promo-cancelled = Promo code entry cancelled.
promo-credited = 🎁 Promo code <code>{ $code }</code> applied: <b>{ $amount }</b> added to your wallet. Balance: { $balance }
promo-discount-held = 🎁 Promo code <code>{ $code }</code> applied: { $terms }. The discount is shown on the confirmation of your next order.
promo-other-held = ⚠️ You already have a discount waiting for your next order (<code>{ $code }</code>: { $terms }). Use it first, then redeem another code.
promo-unknown = ❌ There is no promo code <code>{ $code }</code>. Check the spelling and try again.
promo-disabled = ❌ Promo code <code>{ $code }</code> is no longer active.
promo-expired = ⌛ Promo code <code>{ $code }</code> has expired.
promo-already = ℹ️ You have already used promo code <code>{ $code }</code>. Each code works once per customer.
promo-used-up = 🔚 Promo code <code>{ $code }</code> is used up: all its uses are taken.
promo-terms-credit = { $amount } to the wallet
promo-terms-discount = { $percent }% off the next order, at most { $cap }
promo-terms-min = for an order of at least { $min }
order-confirm-list-price = Price: <s>{ $price }</s>
order-confirm-discount = 🎁 Discount (<code>{ $code }</code>): −{ $discount }
order-confirm-to-pay = To pay: <b>{ $price }</b>
order-confirm-promo-min = ℹ️ Your promo code <code>{ $code }</code> works on orders of at least { $min }: it stays for a later order.
order-promo-gone = ⚠️ The discount of this order was already used on another order, so nothing was charged. Please make the order again.

## Admins: promo codes and referrals
promo-created = ✅ Promo code <code>{ $code }</code> created: { $terms }. Uses: { $uses }. Valid until { $expires }.
promo-exists = ⚠️ A promo code <code>{ $code }</code> already exists (code names are never reused).
promo-list-title = 🎁 <b>Promo codes</b>, newest first
promo-list-row = { $state ->
        [active] ✅
        [expired] ⌛
        [used_up] 🔚
       *[disabled] 🚫
    } <code>{ $code }</code> · { $terms } · used { $used } of { $uses } · until { $expires }
promo-list-empty = No promo codes yet.
promo-disable-done = 🚫 Promo code <code>{ $code }</code> disabled. Discounts already redeemed stay valid.
promo-not-found = There is no promo code <code>{ $code }</code>.
promo-err-usage =
    <b>Promo codes</b>
    <code>/promo create CODE credit AMOUNT uses=N days=N</code>
    <code>/promo create CODE discount PERCENT% cap=AMOUNT uses=N expires=YYYY-MM-DD [min=AMOUNT]</code>
    <code>/promo list</code>
    <code>/promo disable CODE</code>
    Expiry: <code>days=N</code> or <code>expires=YYYY-MM-DD</code> (the end of that day, UTC).
promo-err-code = ❌ A code is 3 to 32 Latin letters, digits, “_” or “-”.
promo-err-reserved = ❌ “{ $code }” is a command word and cannot be a code.
promo-err-kind = ❌ “{ $kind }”: the type is <code>credit</code> (money to the wallet) or <code>discount</code> (percent off the next order).
promo-err-amount = ❌ “{ $value }” is not an amount: give a positive number such as 5 or 2.5.
promo-err-percent = ❌ “{ $value }” is not a percent: give more than 0 and at most 100, such as 10%.
promo-err-cap = ❌ A discount needs <code>cap=AMOUNT</code> (the most it takes off, a positive amount); a credit code has no cap.
promo-err-uses = ❌ Give the number of uses: <code>uses=N</code>, from 1 to 1,000,000.
promo-err-expiry = ❌ Give one expiry: <code>days=N</code> (1 to 3650) or <code>expires=YYYY-MM-DD</code>, a date in the future.
promo-err-min = ❌ <code>min=AMOUNT</code> (the smallest order the discount applies to) must be a positive amount, and only discount codes have it.
promo-err-option = ❌ “{ $option }” is not an option here. Options: uses=, days=, expires=, cap=, min=.
admin-stats-referrals = 👥 <b>Referrals</b> ({ $percent }%): joined through links: { $users } · paid to referrers: { $earned } · rewarded orders: { $orders }
admin-money-kind = { $kind ->
        [card] Card
        [stars] Stars
        [receipt] Receipts
        [admin] Admin credits
        [promo] Promo codes
        [referral] Referral rewards
       *[refund] Stars given back
    }
admin-money-item = { $kind } { $amount } ({ $count })
admin-money-item-stars = { $kind } { $amount } ({ $count }; { $stars } ⭐)
admin-stats-topups =
    💳 <b>Top-ups</b> (money coming in)
    Today: { $today }
    All time: { $total }
admin-topups-sum = { $amount } from { $count } { COUNT($count) ->
        [one] top-up
       *[other] top-ups
    }: { $methods }
admin-topups-none = none
admin-stars-refunds-sum = { $amount } ({ $count }; { $stars } ⭐)
admin-stats-stars-refunds = ↩️ Stars given back: today { $today } · all time { $total }
admin-stats-bonuses = 🎁 Bonuses credited, not top-ups: today { $today } · all time { $total }
admin-user-referrals = 👥 Invited by: { $referrer } · invited: { $invited } · earned: { $earned } (orders: { $orders })

# web back office
web-title = Shop back office
web-signin-link =
    🔐 Your sign-in link to the back office (valid { $minutes } min, once):
    { $url }

    Do not forward it: whoever opens it first signs in as you.
web-signin-title = Sign in
web-signin-confirm = Sign in to the back office as admin { $id }?
web-signin-button = Sign in
web-signout = Sign out
web-signed-out-title = Signed out
web-signed-out = You have signed out. Send /admin to the bot for a new link.
web-refused-title = Not allowed
web-refused-link = This sign-in link is not valid: it was used already, it expired or it was never issued.
web-refused-signed-out = You are not signed in, or your session has ended.
web-refused-not-admin = This account is no longer an administrator of the shop.
web-refused-origin = This request did not come from a page of the back office.
web-refused-csrf = This form has expired. Reload the page and try again.
web-refused-too-many = Too many sign-in attempts. Wait a few minutes and try again.
web-refused-too-large = This request is too large for the back office. A broadcast photo may be at most 10 MB.
web-refused-how = Send /admin to the bot in Telegram to get a new sign-in link.
web-not-found = There is nothing at this address.
web-error = Something went wrong. Try again in a minute.
web-nav-home = Overview
web-nav-orders = Orders
web-nav-users = Users
web-nav-receipts = Receipts
web-nav-broadcasts = Broadcasts
web-nav-audit = Audit log
web-nav-settings = Settings
web-search = Search
web-yes = yes
web-no = no
web-page-prev = ← Previous
web-page-next = Next →
web-page-of = Page { $page } of { $pages }
web-home-unknown = orders waiting to be settled
web-home-receipts = receipts waiting for a decision
web-home-broadcasts = broadcasts running
web-users-search = User id or @username
web-users-not-found = No user found for “{ $query }”.
web-user-title = User { $id }
web-user-name = Name
web-user-language = Language
web-user-blocked = Blocked the bot
web-user-created = First seen
web-user-seen = Last seen
web-user-balance = Wallet
web-user-orders = Orders
web-user-ledger = Wallet movements
web-user-ledger-empty = No wallet movements yet.
web-user-latest-orders = Latest orders
web-ledger-when = When
web-ledger-amount = Amount
web-ledger-balance = Balance after
web-ledger-reason = Reason
web-ledger-by = by admin { $admin }
web-wallet-title = Credit or debit
web-wallet-direction = Credit or debit
web-wallet-credit = Credit (add)
web-wallet-debit = Debit (take)
web-wallet-amount = Amount, { $currency }
web-wallet-note = Note (shown in the ledger)
web-wallet-submit = Apply
web-wallet-hint = A debit never takes more than the wallet holds. The user is told.
web-wallet-credited = ✅ The wallet was credited and the user told.
web-wallet-debited = ✅ The wallet was debited and the user told.
web-wallet-empty = ℹ️ The wallet is empty: nothing was taken.
web-wallet-repeated = ℹ️ This form was sent already: nothing was done again.
web-wallet-invalid = ⚠️ Enter an amount greater than zero (e.g. 5 or 2.50).
web-orders-search = Local order id (#17) or panel order id
web-orders-not-found = No order found for “{ $query }”.
web-orders-none = No orders.
web-orders-unknown-hint = The panel may or may not have these orders: check it there, then settle each one with its panel id or a refund.
web-order-title = Order #{ $id }
web-order-created = Created
web-order-service = Service
web-order-state = State
web-order-price = Price
web-order-user = Customer
web-order-link = Link
web-order-quantity = Quantity
web-order-panel-id = Panel order id
web-order-status = Panel status
web-order-progress = Start count / remains
web-order-charge = Panel charge
web-order-refunded = Refunded
web-order-timeline = Timeline
web-order-actions = Actions
web-order-refill = Request a refill
web-order-cancel = Cancel at the panel
web-order-check = Check status now
web-timeline-created = Order created
web-timeline-charged = { $amount } taken from the wallet
web-timeline-refunded = { $amount } refunded to the wallet
web-timeline-placed = Placed at the panel as { $panelId }
web-timeline-status = Last known status: { $status }
web-timeline-unknown = Outcome unknown: { $reason }
web-timeline-failed = Not placed: { $reason }
web-timeline-refill = Refill { $refill }: { $status }
web-settle-hint = Look the order up in the panel. If it is there, enter its panel order id; if not, refund the customer.
web-settle-panel-id = Panel order id
web-settle-placed = It is at the panel
web-settle-refund = Refund the customer
web-notice-settle-placed = ✅ Settled as placed: it is tracked from now on, and the customer was told.
web-notice-settle-refunded = ✅ Refunded, and the customer was told.
web-notice-settle-not-unknown = ℹ️ This order is not waiting to be settled (someone settled it already?).
web-notice-settle-panel-id-taken = ⚠️ That panel order id belongs to another order.
web-notice-settle-invalid = ⚠️ Enter the panel order id, or choose a refund.
web-notice-action-requested = ✅ Sent to the panel. The customer hears about the outcome.
web-notice-action-busy = ⏳ This is being sent to the panel right now.
web-notice-action-already = ℹ️ The panel accepted this a moment ago.
web-notice-action-refused = ⚠️ The panel refused it.
web-notice-action-unreachable = ⚠️ The panel did not answer; nothing happened. Try again later.
web-notice-action-unconfirmed = ⚠️ The panel gave no clear answer; the order is checked again shortly.
web-notice-action-not-allowed = ℹ️ This order does not allow that now.
web-live-status = The panel says now: { $status } · remains { $remains } · charge { $charge }
web-live-refused = The panel refused the status check: { $message }
web-live-unreachable = The panel did not answer. Try again later.
web-live-not-placed = This order has no panel order to check.
web-receipts-none = No receipts are waiting.
web-receipt-photo = Receipt { $id }
web-receipt-no-file = No file is stored for this receipt.
web-receipt-id = Receipt
web-receipt-user = Customer
web-receipt-amount = Amount
web-receipt-note = The customer wrote
web-receipt-sent = Sent
web-receipt-approve = Approve
web-receipt-reject = Reject
web-receipt-approved-by = ✅ Approved by { $admin }: { $amount }
web-receipt-rejected-by = ❌ Rejected by { $admin }
web-receipt-already = ℹ️ Someone decided this receipt first.
web-receipt-bad-amount = ⚠️ Enter an amount greater than zero.
web-broadcast-compose = New broadcast
web-broadcast-text = Text (a caption when there is a photo)
web-broadcast-photo = Photo (optional)
web-broadcast-file-id = …or a Telegram file id of a photo (optional)
web-broadcast-hint = The message goes to your own chat with the bot first, and is copied from there to every user who has not blocked the bot.
web-broadcast-preview = Preview
web-broadcast-send = Send to everyone
web-broadcast-preview-upload = With the photo { $name }
web-broadcast-preview-file-id = With the photo of that file id
web-broadcast-preview-users = It goes to up to { $users } { COUNT($users) ->
        [one] user
       *[other] users
    }.
web-broadcast-empty = ⚠️ Write a text or add a photo.
web-broadcast-one-photo = ⚠️ Upload a photo or give a file id, not both.
web-broadcast-bad-photo = ⚠️ The photo must be an image of at most 10 MB.
web-broadcast-bad-file-id = ⚠️ Telegram does not know this file id as a photo.
web-broadcast-caption-long = ⚠️ With a photo the text may be at most 1024 characters.
web-broadcast-text-long = ⚠️ The text may be at most 4096 characters.
web-broadcast-no-chat = ⚠️ The bot cannot write to you: open the bot in Telegram and press Start, then try again.
web-broadcast-history = History
web-broadcast-none = No broadcasts yet.
web-broadcast-started = Started
web-broadcast-by = Admin
web-broadcast-state = State
web-broadcast-delivered = Delivered
web-broadcast-title = Broadcast #{ $id }
web-broadcast-meta = Started { $started } by admin { $admin }.
web-broadcast-phase = { $phase ->
        [queueing] queueing
        [delivering] delivering
       *[done] finished
    }
web-broadcast-counts = { $queued } of { $users } queued · ✅ { $delivered } delivered · 🚫 { $blocked } blocked · ⚠️ { $failed } failed · ❔ { $maybe } maybe delivered · { $skipped } skipped
web-audit-empty = Nothing recorded yet.
web-audit-when = When
web-audit-who = Admin
web-audit-what = What
web-audit-change = Before → after
web-settings-health = Health
web-settings-panel = Panel
web-health-state = { $state ->
        [ok] ✅ working
        [refused] ⚠️ refuses the API key
       *[down] ❌ not answering
    }
web-settings-values = Settings in use
web-settings-hint = Read-only: change them in .env and restart. Secrets are never shown.
web-settings-secret-set = set (hidden)

# required channels (REQUIRED_CHANNELS)
channels-join =
    📢 <b>To order, please join our channels first:</b>
    { $channels }

    Then press «✅ I have joined».
channels-button-joined = ✅ I have joined
channels-still-missing = You have not joined every channel yet. Join them, then press the button again.
channels-thanks = ✅ Thank you for joining! Now you can order: choose a service or press Confirm again.

# order again, drip-feed (order dialog)
order-ask-link-again =
    🔁 Ordering <b>{ $service }</b> again.
    The last link was: { $link }
    Use it again, or send a new link.
order-button-reuse-link = ✅ Use this link
order-ask-dripfeed = 💧 This service can be delivered in parts (drip-feed): the quantity is sent several times with a pause between runs. Do you want drip-feed?
order-button-dripfeed-yes = 💧 Yes, in parts
order-button-dripfeed-no = ➡️ No, all at once
order-hint-dripfeed = ✍️ Press one of the buttons, or /cancel to stop.
order-ask-runs = 🔁 How many runs? Send a whole number from { $min } to { $max } ({ $quantity } each run).
order-runs-invalid = ⚠️ Send a whole number of runs from { $min } to { $max }: { $quantity } each run, and the whole order must stay within the service maximum.
order-ask-interval = ⏱ How many minutes between two runs? Send a whole number from 1 to { $max }.
order-interval-invalid = ⚠️ Send the minutes between runs as a whole number from 1 to { $max }.
order-confirm-dripfeed = Drip-feed: <b>{ $runs }</b> { COUNT($runs) ->
        [one] run
       *[other] runs
    }, every { $interval } min — <b>{ $total }</b> in total
orders-details-dripfeed = 💧 Drip-feed: { $runs } { COUNT($runs) ->
        [one] run
       *[other] runs
    }, every { $interval } min ({ $total } in total)
orders-button-again = 🔁 Order again
orders-again-gone = This service is not offered any more. Choose another one with /order.

# service search
search-ask = 🔍 What are you looking for? Send a few words, for example: instagram followers
search-results =
    🔍 <b>{ $count } { COUNT($count) ->
        [one] service
       *[other] services
    }</b> for «{ $query }» (page { $page } of { $pages }):
search-nothing = 🔍 Nothing found for «{ $query }». Try other words, or browse all services: /order
search-expired = 🔍 This search has expired. Search again with /search and a few words.

admin-balance-wallets-converted = ≈ { $total } at the shop's exchange rate

## Back office dashboard
web-dash-balance = Panel balance and wallets
web-dash-panel-balance = Panel balance
web-dash-wallets = Customers' wallets together
web-dash-balance-low = ⚠️ The panel balance is { $shortfall } lower than what the customers hold: top up the panel account.
web-dash-panel-refused = The panel refused the balance request: { $message }
web-dash-panel-unreachable = The panel did not answer the balance request.
web-dash-panel-currency = The panel counts in { $panelCurrency } and the shop in { $currency }: compare them yourself.
web-dash-range = Period
web-dash-days = { $days } days
web-dash-partial = Orders from before the counters are still being counted: the figures are not complete yet.
web-dash-orders = Orders placed per day
web-dash-turnover = Turnover per day, { $currency }
web-dash-margin = Margin per day, { $currency }
web-dash-open = Open orders by status
web-dash-open-none = No open orders.
web-dash-top-services = Top services, last { $days } days
web-dash-top-none = No orders in this period.
web-dash-topups-chart = Top-ups per day, { $currency }
web-dash-topups = Top-ups by method
web-dash-topups-method = Method
web-dash-topups-period = Last { $days } days
web-dash-topups-all = All time
web-dash-topups-total = All top-ups
web-dash-topups-others = Not top-ups
web-dash-topups-note = Counted as they happen, each once: card and Stars payments when credited, receipts when approved, admin credits. Stars given back are counted apart, on the day of the refund.
web-orders-search-label = Order, panel id or link
web-orders-any = any
web-orders-service-id = Service id
web-orders-from = Created from
web-orders-to = to
web-orders-bad-user = A user is given by their Telegram id (digits only).
web-orders-bad-service = A service id has letters, digits, - or _ only.
web-orders-bad-date = “{ $date }” is not a date.
web-orders-indexed = { $count } { COUNT($count) ->
        [one] order
       *[other] orders
    } in this period
web-orders-newest = Newest

## Back office catalog
web-nav-catalog = Catalog
web-catalog-rate = Exchange rate
web-catalog-rate-now = 1 { $panelCurrency } = { $rate } (set { $at } UTC by { $by })
web-catalog-rate-missing = No exchange rate yet: customers cannot order until one is set.
web-catalog-unavailable = The catalog cannot be shown: the panel's service list could not be read. Check the panel settings (Settings) and try again in a few minutes.
web-catalog-unavailable-rate = The catalog cannot be shown until the exchange rate is set: set it below.
web-catalog-rate-new = New rate
web-catalog-rate-set = Set the rate
web-catalog-categories = Categories
web-catalog-category-count = { $visible } of { $all } shown
web-catalog-hide-category = Hide the category
web-catalog-show-category = Show the category
web-catalog-services = Services
web-catalog-search = Service id or name
web-catalog-show = Show
web-catalog-show-option = { $show ->
        [visible] visible only
        [hidden] hidden only
       *[all] all
    }
web-catalog-none = No services match.
web-catalog-pick = Pick
web-catalog-pick-one = Pick service { $id }
web-catalog-service = Service
web-catalog-category = Category
web-catalog-cost = Panel cost per 1000
web-catalog-price = Shop price
web-catalog-margin = Margin
web-catalog-state = Shown
web-catalog-markup-is = own markup { $markup } %
web-catalog-visible = shown
web-catalog-hidden = hidden
web-catalog-at-loss = hidden: at a loss
web-catalog-bulk = With the ticked services
web-catalog-bulk-markup = set the markup
web-catalog-bulk-category = use the category's markup
web-catalog-bulk-hide = hide them
web-catalog-bulk-show = show them
web-catalog-markup = Markup, %
web-catalog-apply = Apply
web-catalog-done = Saved ({ $count }).
web-catalog-none-picked = Tick at least one service first. Nothing was changed.
web-catalog-too-many = At most { $max } services at once. Nothing was changed.
