# Language
language-choose = 🌐 Choose your language / Tilni tanlang
language-set = ✅ Language: English

# Main menu (reply keyboard)
menu-order = 🛒 New order
menu-orders = 📦 My orders
menu-balance = 💰 Balance
menu-help = ℹ️ Help
menu-language = 🌐 Language

# Command menu
cmd-order = New order
cmd-orders = My orders
cmd-balance = Wallet balance
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
