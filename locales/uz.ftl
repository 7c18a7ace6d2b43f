# Language
language-choose = 🌐 Tilni tanlang / Choose your language
language-set = ✅ Til: oʻzbekcha

# Main menu (reply keyboard)
menu-order = 🛒 Yangi buyurtma
menu-orders = 📦 Buyurtmalarim
menu-balance = 💰 Hisob
menu-help = ℹ️ Yordam
menu-language = 🌐 Til

# Command menu
cmd-order = Yangi buyurtma
cmd-orders = Buyurtmalarim
cmd-balance = Hisobdagi mablagʻ
cmd-help = Yordam
cmd-language = Tilni oʻzgartirish
cmd-cancel = Joriy amalni bekor qilish

welcome =
    👋 Assalomu alaykum, <b>{ $name }</b>!

    Bu bot orqali ijtimoiy tarmoqlar uchun obunachi, layk, koʻrish va boshqa xizmatlarni buyurtma qilishingiz mumkin.
    Xizmatlarni koʻrish uchun <b>🛒 Yangi buyurtma</b>ni, hisobingizni tekshirish uchun <b>💰 Hisob</b>ni tanlang.
help =
    <b>Qanday ishlaydi</b>

    1. 🛒 <b>Yangi buyurtma</b> (/order): boʻlim va xizmatni tanlang.
    2. Havola va miqdorni yuboring.
    3. Narxni tekshirib, tasdiqlang: toʻlov hisobingizdan yechiladi.
    4. Buyurtma holati oʻzgarganda sizga xabar keladi.

    📦 /orders: buyurtmalaringiz; xizmat ruxsat bersa, qayta toʻldirish va bekor qilish.
    💰 /balance: hisobingiz.
    🌐 /language: tilni oʻzgartirish.
    /cancel: joriy amalni bekor qilish.
cancel-nothing = Bekor qilinadigan amal yoʻq. Menyudan amalni tanlang.

# Wallet
balance-show = 💰 Hisobingizda: <b>{ $balance }</b>

# Errors
error-generic = ⚠️ Nimadir xato ketdi. Bir daqiqadan soʻng qayta urinib koʻring.
error-too-fast = ⏳ Soʻrovlar juda koʻp. Bir necha soniya kuting.
