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

# orders (My orders: list, details, refill, cancel)
orders-empty = 📦 Sizda hali buyurtmalar yoʻq. Birinchi buyurtmani berish uchun 🛒 Yangi buyurtma tugmasini bosing yoki /order yuboring.
orders-list-title = 📦 <b>Buyurtmalaringiz</b> ({ $page }/{ $pages }-sahifa)
orders-list-line = <b>#{ $id }</b> · <code>{ $panelId }</code> · { $service } · { $quantity } · { $status }
orders-list-hint = Batafsil maʼlumot uchun buyurtmani tanlang.
orders-status-pending = ⏳ Navbatda
orders-status-in-progress = 🔄 Bajarilmoqda
orders-status-processing = ⚙️ Ishlov berilmoqda
orders-status-completed = ✅ Bajarildi
orders-status-partial = 🌗 Qisman bajarildi
orders-status-canceled = ❌ Bekor qilindi
orders-status-refunded = ↩️ Pul qaytarildi
orders-status-failed = ⚠️ Bajarilmadi
orders-status-active = 🟢 Faol
orders-status-unknown = ❔ { $raw }
orders-status-checking = 🔎 Tekshirilmoqda
orders-status-not-placed = ↩️ Joylashtirilmadi, pul qaytarildi
orders-status-placing = ⏳ Joylashtirilmoqda
orders-refill-status-pending = ⏳ navbatda
orders-refill-status-in-progress = 🔄 bajarilmoqda
orders-refill-status-completed = ✅ bajarildi
orders-refill-status-rejected = ❌ rad etildi
orders-refill-status-failed = ⚠️ bajarilmadi
orders-refill-status-canceled = ❌ bekor qilindi
orders-refill-status-unknown = ❔ { $raw }
orders-details-title = 📦 <b>#{ $id } buyurtma</b>
orders-details-panel-id = 🆔 Paneldagi buyurtma ID: <code>{ $panelId }</code>
orders-details-service = 🛍 Xizmat: <b>{ $service }</b>
orders-details-link = 🔗 Havola: { $link }
orders-details-quantity = 🔢 Miqdor: { $quantity }
orders-details-price = 💵 Toʻlangan: { $price }
orders-details-status = 📊 Holati: <b>{ $status }</b>
orders-details-start-count = ▶️ Boshlangʻich son: { $count }
orders-details-remains = ⏳ Qolgan: { $count }
orders-details-refunded = ↩️ Hisobingizga qaytarilgan: { $amount }
orders-details-refill = ♻️ Qayta toʻldirish { $refillId }: { $status }
orders-details-panel-error = ⚠️ Xizmatdan izoh: { $message }
orders-details-created = 🕒 Buyurtma berilgan: { $date }
orders-details-updated = 🕓 Oxirgi oʻzgarish: { $date }
orders-details-live = 🔄 Xizmatdagi joriy holat, { $date } da tekshirildi.
orders-button-refill = ♻️ Qayta toʻldirish
orders-button-cancel = ❌ Bekor qilish
orders-button-refresh = 🔄 Yangilash
orders-button-back = ⬅️ Orqaga
orders-button-cancel-confirm = ✅ Ha, bekor qilinsin
orders-button-cancel-keep = ⬅️ Yoʻq, qolsin
orders-cancel-ask =
    ❓ <b>#{ $id }</b> buyurtma ({ $service }) bekor qilinsinmi?
    Xizmat tasdiqlasa, ishlatilmagan pul hisobingizga qaytadi va sizga xabar keladi.
orders-sending = ⏳ Soʻrov yuborilmoqda…
orders-not-found = ⚠️ Buyurtma topilmadi.
orders-not-placed = ℹ️ Bu buyurtma xizmatga joylashtirilmagan, shuning uchun u bilan hech narsa qilib boʻlmaydi.
orders-busy = ⏳ Bu soʻrov hozir yuborilmoqda. Biroz kuting.
orders-already-requested = ℹ️ Bu soʻrov allaqachon yuborilgan. Bajarilganda sizga xabar keladi.
orders-refill-not-available = ♻️ Bu xizmatda qayta toʻldirish yoʻq.
orders-refill-not-completed = ♻️ Qayta toʻldirish faqat buyurtma bajarilgandan soʻng mumkin.
orders-refill-in-progress = ♻️ Bu buyurtmani qayta toʻldirish allaqachon davom etmoqda.
orders-refill-requested = ✅ Qayta toʻldirish soʻraldi (ID { $refillId }). Bajarilganda sizga xabar keladi.
orders-cancel-not-available = Bu xizmatda buyurtmani bekor qilib boʻlmaydi.
orders-cancel-final = Bu buyurtma allaqachon yakunlangan, uni bekor qilib boʻlmaydi.
orders-cancel-requested = ✅ Bekor qilish soʻraldi. Xizmat tasdiqlasa, ishlatilmagan pul hisobingizga qaytadi va sizga xabar keladi.
orders-panel-refill-disabled = ⚠️ Xizmat bu buyurtmani qayta toʻldirishga ruxsat bermaydi.
orders-panel-not-completed = ⚠️ Xizmat maʼlumotiga koʻra, buyurtma hali bajarilmagan, shuning uchun hozir qayta toʻldirib boʻlmaydi.
orders-panel-incorrect-order = ⚠️ Xizmat bu buyurtmani tanimadi. Yordam xizmatiga murojaat qiling.
orders-panel-cancel-disabled = ⚠️ Xizmat bu buyurtmani bekor qilishga ruxsat bermaydi.
orders-panel-not-cancelable = ⚠️ Xizmat maʼlumotiga koʻra, bu buyurtmani endi bekor qilib boʻlmaydi.
orders-panel-unavailable = ⚠️ Xizmat vaqtincha ishlamayapti. Keyinroq qayta urinib koʻring.
orders-panel-other = ⚠️ Xizmat javobi: { $message }
orders-unreachable = ⚠️ Xizmat bilan bogʻlanib boʻlmadi. Keyinroq qayta urinib koʻring.
orders-unconfirmed = ⏳ Soʻrov bajarilganini tasdiqlab boʻlmadi. Buyurtmani birozdan soʻng yana tekshiring.

# fallback (messages and buttons nothing else handled)
fallback-not-understood = 🤔 Kechirasiz, tushunmadim. Quyidagi menyudan foydalaning yoki /help yuboring.
fallback-unknown-command = 🤔 Bunday buyruq yoʻq. Quyidagi menyudan foydalaning yoki /help yuboring.
fallback-media = 🤔 Bu yerda stiker, rasm yoki fayllardan foydalana olmayman. Quyidagi menyudan foydalaning yoki /help yuboring.
fallback-button-expired = ⌛ Bu tugma endi faol emas. Menyuni qaytadan oching.
fallback-private-only = 👋 Men faqat shaxsiy chatda ishlayman. Menga @{ $bot } orqali yozing.
