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

# order (catalog browsing, order dialog, placement)
order-catalog-unavailable = ⚠️ Xizmatlar vaqtincha mavjud emas. Bir necha daqiqadan soʻng qayta urinib koʻring.
order-catalog-empty = Hozircha buyurtma qilish mumkin boʻlgan xizmatlar yoʻq.
order-categories = 🛒 <b>Boʻlimni tanlang</b> ({ $page }/{ $pages }-sahifa)
order-services =
    📂 <b>{ $category }</b>
    Xizmatni tanlang ({ $page }/{ $pages }-sahifa):
order-price-per-1000 = 1000 tasi { $price }
order-service-gone = ⚠️ Bu xizmat endi mavjud emas. Boshqa xizmatni tanlang.
order-button-expired = ⚠️ Bu tugma endi amal qilmaydi. /order bilan qaytadan boshlang.
order-back = ⬅️ Orqaga
order-button-order = 🛒 Buyurtma berish
order-card-price-per-1000 = 💵 1000 tasi uchun narx: <b>{ $price }</b>
order-card-price-flat = 💵 Narx: <b>{ $price }</b>
order-card-limits = 🔢 Eng kami: { $min } · Eng koʻpi: { $max }
order-card-refill-yes = ♻️ Qayta toʻldirish: bor
order-card-refill-no = ♻️ Qayta toʻldirish: yoʻq
order-card-cancel-yes = ✖️ Bekor qilish: mumkin
order-card-cancel-no = ✖️ Bekor qilish: mumkin emas
order-ask-link = 🔗 <b>{ $service }</b> uchun havolani yuboring (masalan, https://t.me/kanal).
order-ask-quantity = 🔢 Qancha kerak? { $min } dan { $max } gacha butun son yuboring.
order-ask-comments = 💬 Izohlarni har birini alohida qatorda yuboring: { $min } tadan { $max } tagacha.
order-link-invalid = ⚠️ Bu havola emas. https:// bilan boshlanadigan havola yuboring.
order-link-too-long = ⚠️ Havola juda uzun: koʻpi bilan { $max } ta belgi boʻlishi mumkin.
order-quantity-not-number = ⚠️ { $min } dan { $max } gacha butun son yuboring.
order-quantity-below-min = ⚠️ Juda kam: eng kami { $min } (eng koʻpi { $max }).
order-quantity-above-max = ⚠️ Juda koʻp: eng koʻpi { $max } (eng kami { $min }).
order-comments-below-min = ⚠️ { $count } ta izoh: kamida { $min } ta kerak (koʻpi bilan { $max } ta).
order-comments-above-max = ⚠️ { $count } ta izoh: koʻpi bilan { $max } ta boʻlishi mumkin (kamida { $min } ta).
order-hint-link = ✍️ Havolani matn shaklida yuboring yoki /cancel bilan toʻxtating.
order-hint-quantity = ✍️ Miqdorni son bilan yuboring yoki /cancel bilan toʻxtating.
order-hint-comments = ✍️ Izohlarni matn shaklida yuboring yoki /cancel bilan toʻxtating.
order-button-cancel = ❌ Bekor qilish
order-cancelled = ❌ Buyurtma bekor qilindi.
order-confirm-title = 🧾 <b>Buyurtmani tekshiring</b>
order-confirm-service = Xizmat: <b>{ $service }</b>
order-confirm-link = Havola: { $link }
order-confirm-quantity = Miqdor: <b>{ $quantity }</b>
order-confirm-comments = Izohlar soni: <b>{ $count }</b>
order-confirm-price = Narx: <b>{ $price }</b>
order-confirm-balance = Hisobingizda: { $balance }
order-confirm-after = Buyurtmadan keyin qoladi: { $after }
order-confirm-short = ⚠️ Mablagʻ yetarli emas: hisobingizni <b>{ $shortfall }</b> ga toʻldiring, soʻng «Tasdiqlash»ni bosing.
order-button-confirm = ✅ Tasdiqlash
order-draft-cancelled = ❌ Buyurtma bekor qilindi. Hisobingizdan hech narsa yechilmadi.
order-placing = ⏳ Buyurtma joylashtirilmoqda…
order-placed =
    ✅ <b>Buyurtma qabul qilindi!</b>
    Buyurtma raqami: <b>#{ $id }</b>
    Paneldagi buyurtma ID: <code>{ $panelId }</code>
    Holati oʻzgarganda sizga xabar keladi. Buyurtmalaringiz: /orders
order-not-found = ⚠️ Bu buyurtma endi mavjud emas. /order bilan yangisini boshlang.
order-already-done = ℹ️ Bu buyurtma allaqachon joylashtirilgan yoki bekor qilingan.
order-funds =
    💰 Hisobingizda mablagʻ yetarli emas.
    Narx: <b>{ $price }</b>
    Hisobingizda: { $balance }
    Yetishmaydi: <b>{ $shortfall }</b>
    Hisobingizni toʻldiring, soʻng «✅ Tasdiqlash»ni yana bosing.
order-failed-unavailable = ⚠️ Xizmat vaqtincha ishlamayapti. Pulingiz hisobingizga qaytarildi. Keyinroq qayta urinib koʻring.
order-failed-quantity = ⚠️ Miqdor qabul qilinmadi: { $message }. Pulingiz hisobingizga qaytarildi.
order-failed-link = ⚠️ Havola qabul qilinmadi. Havola toʻgʻri va sahifa ochiq ekanini tekshiring. Pulingiz hisobingizga qaytarildi.
order-failed-active = ⚠️ Bu havola boʻyicha buyurtma hali bajarilmoqda. U tugagach, qayta buyurtma bering. Pulingiz hisobingizga qaytarildi.
order-failed-service = ⚠️ Bu xizmat endi mavjud emas. Pulingiz hisobingizga qaytarildi.
order-failed-other = ⚠️ Buyurtma rad etildi: { $message }. Pulingiz hisobingizga qaytarildi.
order-failed-unreachable = ⚠️ Xizmat bilan bogʻlanib boʻlmadi. Pulingiz hisobingizga qaytarildi. Keyinroq qayta urinib koʻring.
order-unknown = ⏳ #{ $id } buyurtma boʻyicha javob olinmadi. U tekshirilmoqda: shu vaqtgacha pulingiz band qilib turiladi, natija haqida xabar beramiz.
order-recovered-refunded = ↩️ #{ $id } buyurtma ({ $service }) yuborilishidan oldin toʻxtab qoldi. Pulingiz hisobingizga qaytarildi.
order-recovered-unknown = ⏳ #{ $id } buyurtma ({ $service }) toʻxtab qoldi va tekshirilmoqda. Shu vaqtgacha pulingiz band qilib turiladi.
alert-unknown-order =
    #{ $id } buyurtma (foydalanuvchi { $user }) natijasi nomaʼlum: { $reason }
    Xizmat: { $service }
    Havola: { $link }
    Narx: { $price }
    Pul band qilib turibdi. Panelni tekshirib, buyurtmani qoʻlda hal qiling.
alert-panel-funds = Paneldagi hisobda pul tugadi, buyurtmalar rad etilmoqda ({ $message }). Panel hisobini toʻldiring.
alert-panel-key = Panel API kalitini yoki hisobni rad etdi: { $message }. PANEL_API_KEY va panel hisobini tekshiring.
