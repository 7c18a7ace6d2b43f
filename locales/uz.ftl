# Language
language-choose = 🌐 Tilni tanlang / Выберите язык / Choose your language
language-name = 🇺🇿 Oʻzbekcha
language-set = ✅ Til: oʻzbekcha

# Main menu (reply keyboard)
menu-order = 🛒 Yangi buyurtma
menu-search = 🔍 Qidirish
menu-orders = 📦 Buyurtmalarim
menu-balance = 💰 Hisob
menu-referrals = 👥 Referallar
menu-promo = 🎁 Promokod
menu-help = ℹ️ Yordam
menu-language = 🌐 Til

# Command menu
cmd-order = Yangi buyurtma
cmd-search = Xizmatlarni nomi boʻyicha qidirish
cmd-orders = Buyurtmalarim
cmd-balance = Hisobdagi mablagʻ
cmd-referrals = Referal havolangiz va daromadingiz
cmd-promo = Promokod kiritish
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
error-generic = ⚠️ Xatolik yuz berdi. Bir daqiqadan soʻng qayta urinib koʻring.
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
# panel dialects
orders-panel-refill-cooldown = ⏳ Bu buyurtmani qayta toʻldirish yaqinda soʻralgan. Xizmat keyingisiga biroz vaqt oʻtgach ruxsat beradi: keyinroq qayta urinib koʻring.
orders-panel-refill-cooldown-wait = ⏳ Bu buyurtmani qayta toʻldirish yaqinda soʻralgan. Xizmat keyingisiga { $wait } oʻtgach ruxsat beradi.
orders-panel-action-unsupported = ⚠️ Bu doʻkon ishlaydigan xizmat bu amalni qoʻllab-quvvatlamaydi.
orders-unreachable = ⚠️ Xizmat bilan bogʻlanib boʻlmadi. Keyinroq qayta urinib koʻring.
orders-unconfirmed = ⏳ Soʻrov bajarilganini tasdiqlab boʻlmadi. Buyurtmani birozdan soʻng yana tekshiring.

# fallback (messages and buttons nothing else handled)
fallback-not-understood = 🤔 Kechirasiz, tushunmadim. Quyidagi menyudan foydalaning yoki /help yuboring.
fallback-unknown-command = 🤔 Bunday buyruq yoʻq. Quyidagi menyudan foydalaning yoki /help yuboring.
fallback-media = 🤔 Bu yerda stiker, rasm yoki fayllardan foydalana olmayman. Quyidagi menyudan foydalaning yoki /help yuboring.
fallback-button-expired = ⌛ Bu tugma endi faol emas. Menyuni qaytadan oching.
fallback-private-only = 👋 Men faqat shaxsiy chatda ishlayman. Menga @{ $bot } orqali yozing.

# admin
admin-not-allowed = 🔒 Kechirasiz, bu faqat doʻkon administratorlari uchun.
admin-cmd-order = Yangi buyurtma · /order ID: istalgan buyurtma haqida
admin-cmd-promo = Promokod kiritish · /promo create|list|disable: promokodlar
admin-cmd-topup = Foydalanuvchi hisobini toʻldirish yoki undan yechish
admin-cmd-user = Foydalanuvchining hisobi va buyurtmalari
admin-cmd-settle = Natijasi nomaʼlum buyurtmani hal qilish
admin-cmd-stats = Doʻkon statistikasi
admin-cmd-broadcast = Barcha foydalanuvchilarga xabar yuborish (xabarga javob sifatida)
admin-cmd-approve = Toʻlov chekini tasdiqlash (ID, ixtiyoriy summa)
admin-cmd-refundstars = Telegram Stars toʻlovini qaytarish
admin-balance-panel = 🏦 Paneldagi hisob: <b>{ $balance }</b>
admin-balance-wallets = 👛 Foydalanuvchilar hisoblarida jami: <b>{ $total }</b>
admin-balance-low = ⚠️ Paneldagi mablagʻ foydalanuvchilar hisoblaridagi puldan kam: panel hisobini kamida <b>{ $shortfall }</b> ga toʻldiring, aks holda buyurtmalar rad etiladi.
admin-balance-currency = ℹ️ Panel hisobi { $panelCurrency } da, foydalanuvchilar hisoblari { $currency } da yuritiladi: ularni oʻzingiz solishtiring.
admin-balance-panel-refused = ⚠️ Panel balans soʻrovini rad etdi: { $message }
admin-balance-panel-unreachable = ⚠️ Panel balans soʻroviga javob bermadi.
admin-repeated = ℹ️ Bu buyruq allaqachon bajarilgan.
admin-user-unknown = ⚠️ <code>{ $user }</code> foydalanuvchi bu botni ishga tushirmagan.
admin-topup-usage =
    Foydalanish: <code>/topup USER_ID SUMMA</code>
    Manfiy summa hisobdan pul yechadi, lekin hisob noldan pastga tushmaydi.
    Misollar: <code>/topup 123456789 10.5</code> · <code>/topup 123456789 -3</code>
admin-topup-credited = ✅ <code>{ $user }</code> foydalanuvchi hisobiga <b>{ $amount }</b> qoʻshildi. Hisobida: <b>{ $balance }</b>.
admin-topup-debited = ✅ <code>{ $user }</code> foydalanuvchi hisobidan <b>{ $taken }</b> yechildi (soʻralgani: { $asked }). Hisobida: <b>{ $balance }</b>.
admin-topup-empty = ℹ️ <code>{ $user }</code> foydalanuvchining hisobi boʻsh: hech narsa yechilmadi.
admin-topup-user-credited = 💰 Hisobingizga <b>{ $amount }</b> qoʻshildi. Hisobingizda: <b>{ $balance }</b>.
admin-topup-user-debited = 💰 Administrator hisobingizdan <b>{ $amount }</b> yechdi. Hisobingizda: <b>{ $balance }</b>.
admin-user-usage = Foydalanish: <code>/user USER_ID</code>
admin-user-card =
    👤 <b><code>{ $user }</code> foydalanuvchi</b> { $name }
    🌐 Til: { $language }
    { $blocked ->
        [yes] 🚫 Botni bloklagan
       *[no] ✅ Xabarlarni oladi
    }
    🕓 Birinchi marta: { $created } · oxirgi marta: { $seen }
    💰 Hisobida: <b>{ $balance }</b>
    📦 Buyurtmalar: { $orders }
admin-user-language-none = tanlanmagan
admin-user-ledger = <b>Hisobdagi soʻnggi harakatlar</b>
admin-user-ledger-empty = Hisobda hali harakat boʻlmagan.
admin-ledger-row = { $date } · <b>{ $amount }</b> → { $balance } · { $reason }
admin-ledger-reason = { $reason ->
        [order] #{ $order } buyurtma
        [refund] #{ $order } buyurtma uchun qaytarildi
        [admin] administrator { $admin }
        [payment] toʻlov
        [payment_refund] toʻlov qaytarildi
        [settle] #{ $order } buyurtma hal qilindi
        [referral] #{ $order } buyurtma uchun referal mukofoti
        [promo] promokod
       *[other] { $reason }
    }
admin-totals-placed = { $count } ta joylashtirilgan
admin-totals-failed = { $count } ta joylashtirilmagan
admin-totals-unknown = { $count } ta /settle kutmoqda
admin-totals-placing = { $count } ta joylashtirilmoqda
admin-totals-none = yoʻq
admin-status = { $status ->
        [pending] kutilmoqda
        [in_progress] bajarilmoqda
        [processing] ishlov berilmoqda
        [completed] bajarildi
        [partial] qisman bajarildi
        [canceled] bekor qilindi
        [refunded] pul qaytarildi
        [failed] xato
        [active] faol
       *[other] nomaʼlum
    }
admin-placement = { $placement ->
        [draft] qoralama (tasdiqlanmagan)
        [reserved] toʻlangan, hali yuborilmagan
        [sending] yuborilmoqda
        [placed] joylashtirilgan
        [failed] joylashtirilmagan, pul qaytarilgan
       *[unknown] natijasi nomaʼlum, /settle kutmoqda
    }
admin-order-not-found = ⚠️ { $id } raqamli buyurtma topilmadi.
admin-order-title = 🧾 <b>#{ $id } buyurtma</b> · { $placement }
admin-order-user = 👤 Foydalanuvchi <code>{ $user }</code> { $name }
admin-order-service = 🛍 { $service } ({ $serviceId }-xizmat)
admin-order-link = 🔗 { $link }
admin-order-quantity = 🔢 Miqdor: { $quantity }
admin-order-price = 💵 Toʻlangan: <b>{ $price }</b> · panel narxi: { $rate }
admin-order-panel = 🆔 Paneldagi buyurtma: <code>{ $panelId }</code> · holati: { $status }
admin-order-progress = Boshlangʻich son: { $start } · qolgani: { $remains }
admin-order-charge = Panel yechgan summa: { $charge }
admin-order-refunded = Foydalanuvchiga qaytarilgan: { $refunded }
admin-order-reason = ⚠️ { $reason }
admin-order-dates = 🕓 Yaratilgan: { $created } · yangilangan: { $updated }
admin-order-settle-hint = Hal qilish: <code>/settle { $id } PANEL_ORDER_ID</code> yoki <code>/settle { $id } refund</code>
admin-order-live = 🔄 Panelda hozir: <b>{ $status }</b> · qolgani: { $remains } · yechilgan: { $charge }
admin-order-live-refused = 🔄 Panel javobi: ⚠️ { $message }
admin-order-live-unreachable = 🔄 Panel javob bermadi.
admin-settle-usage =
    Foydalanish: panelda buyurtma bor boʻlsa <code>/settle ORDER_ID PANEL_ORDER_ID</code>, yoʻq boʻlsa <code>/settle ORDER_ID refund</code>.
    Hal qilinishini kutayotgan buyurtmalar: { $waiting }
admin-settle-waiting-more = { $ids } va yana { $count } ta
admin-settle-not-unknown = ℹ️ #{ $id } buyurtma hal qilinishini kutmayapti: { $placement }.
admin-settle-panel-id-taken = ⚠️ Paneldagi <code>{ $panelId }</code> buyurtma allaqachon #{ $other } buyurtmaga tegishli.
admin-settle-placed = ✅ #{ $id } buyurtma paneldagi <code>{ $panelId }</code> buyurtma sifatida qayd etildi; endi uning holati kuzatiladi. Foydalanuvchiga xabar berildi.
admin-settle-refunded = ✅ #{ $id } buyurtma joylashtirilmagan deb qayd etildi: { $amount } <code>{ $user }</code> foydalanuvchiga qaytarildi va unga xabar berildi.
admin-settle-user-placed = ✅ #{ $id } buyurtmangiz ({ $service }) joylashtirildi. Holati oʻzgarganda sizga xabar keladi.
admin-settle-user-refunded = ↩️ #{ $id } buyurtmangiz ({ $service }) joylashtirilmadi. { $amount } hisobingizga qaytarildi.
admin-stats =
    📊 <b>Doʻkon statistikasi</b>
    👥 Foydalanuvchilar: <b>{ $users }</b>

    <b>Bugun ({ $day }, UTC)</b>
    📦 { $todayOrders }
    💵 Aylanma { $todayTurnover } · qaytarilgan { $todayRefunded } · foyda { $todayMargin }

    <b>Jami</b>
    📦 { $totalOrders }
    💵 Aylanma { $totalTurnover } · qaytarilgan { $totalRefunded } · foyda { $totalMargin }

    ℹ️ Aylanma: joylashtirilgan buyurtmalar uchun foydalanuvchilar toʻlagan pul, qaytarilganlarsiz. Foyda: aylanmadan panel xarajati ayirilgani; xarajat panel maʼlum qilgan summa, u boʻlmasa buyurtmada saqlangan narx × miqdor (har bir buyurtma boʻyicha hisoblanadi, bugungi ustamadan taxmin qilinmaydi).
admin-broadcast-usage = Barcha foydalanuvchilar olishi kerak boʻlgan xabarga <code>/broadcast</code> deb javob yozing: xabar oʻzgarishsiz nusxalanadi (matn, rasm, video…).
admin-broadcast-same-source = ℹ️ Bu xabar bugun allaqachon tarqatilgan (#{ $id }): hech narsa yuborilmadi. Uni barcha foydalanuvchilarga yana bir bor yuborish uchun unga <code>/broadcast again</code> deb javob yozing.
admin-broadcast-started = 📣 #{ $id } xabar tarqatish { $users } ta foydalanuvchi uchun boshlandi.
admin-broadcast-progress = 📣 #{ $id } xabar tarqatish: { $users } tadan { $queued } tasi navbatga qoʻyildi · ✅ { $delivered } ta yetkazildi · 🚫 { $blocked } ta bloklagan · ⚠️ { $failed } ta xato · ❔ { $maybe } tasi yetkazilgan boʻlishi mumkin
admin-broadcast-done = 📣 #{ $id } xabar tarqatish tugadi: ✅ { $delivered } ta yetkazildi · 🚫 { $blocked } ta botni bloklagan · ⚠️ { $failed } ta xato · ❔ { $maybe } tasi yetkazilgan boʻlishi mumkin (yuborish uzilib qolgan, qayta yuborilmadi) · { $skipped } tasi oʻtkazib yuborildi (botni avvalroq bloklagan).

# topup (wallet top-ups: Telegram Payments, Stars, receipts; payment support and terms)
topup-button = ➕ Hisobni toʻldirish
topup-unavailable = ℹ️ Hisobingizni toʻldirish uchun administratorga yozing.
topup-choose-method =
    ➕ <b>Hisobni toʻldirish</b>
    Toʻlov usulini tanlang:
topup-method-provider = 💳 Karta orqali toʻlash ({ $currency })
topup-method-stars = ⭐ Telegram Stars
topup-method-manual = 🧾 Oʻtkazma va chek yuborish
topup-button-cancel = ❌ Bekor qilish
topup-button-expired = ⚠️ Bu tugma endi amal qilmaydi. 💰 Hisob boʻlimini qaytadan oching.
topup-cancelled = ❌ Hisobni toʻldirish bekor qilindi.
topup-provider-ask =
    💳 <b>Karta orqali toʻlash</b>
    Kurs: 1 { $currency } = { $rate }

    Hisobingizga qancha qoʻshmoqchisiz? Summani tanlang yoki { $min } dan { $max } gacha son bilan yozib yuboring.
topup-stars-ask =
    ⭐ <b>Telegram Stars</b>
    1 ⭐ = { $rate }

    Nechta yulduz? Tanlang yoki { $min } dan { $max } gacha butun son yuboring.
topup-manual-ask =
    🧾 <b>Oʻtkazma va chek</b>

    Pulni quyidagi hisobga oʻtkazing:
    { $details }

    Soʻng oʻtkazgan summangizni { $currency } da shu yerga yuboring: { $min } dan { $max } gacha.
topup-amount-not-number = ⚠️ Summani son bilan yuboring, masalan 10 yoki 12,5: { $min } dan { $max } gacha. Toʻxtatish uchun /cancel yuboring.
topup-amount-below-min = ⚠️ Juda kam: eng kami { $min } (eng koʻpi { $max }).
topup-amount-above-max = ⚠️ Juda koʻp: eng koʻpi { $max } (eng kami { $min }).
topup-stars-invalid = ⚠️ Yulduzlar sonini { $min } dan { $max } gacha butun son bilan yuboring. Toʻxtatish uchun /cancel yuboring.
topup-manual-ask-receipt = 📎 Endi toʻlov chekining rasmini yoki faylini yuboring (summa: { $amount }).
topup-receipt-hint = 📎 Chekni rasm yoki fayl shaklida yuboring yoki /cancel bilan toʻxtating.
topup-receipt-sent = ✅ <code>{ $id }</code> raqamli chek tekshirishga yuborildi. Administrator qaror qabul qilishi bilan sizga xabar keladi.
topup-receipt-album = ℹ️ Siz albom yubordingiz: uning birinchi fayli chek sifatida administratorlarga yuborildi. Qolgan fayllar ham muhim boʻlsa, ularni /paysupport orqali yuboring.
topup-invoice-title = Hisobni toʻldirish
topup-invoice-description = Bu botdagi hisobingizga { $amount } qoʻshiladi.
topup-invoice-label = Toʻldirish: { $amount }
topup-invoice-failed = ⚠️ Hozir toʻlovni tayyorlab boʻlmadi. Keyinroq qayta urinib koʻring yoki boshqa usulni tanlang.
topup-checkout-unknown = Bu hisob-faktura endi yaroqsiz. 💰 Hisob boʻlimidan yangisini oling.
topup-checkout-foreign = Bu hisob-faktura boshqa foydalanuvchi uchun berilgan.
topup-checkout-paid = Bu hisob-faktura allaqachon toʻlangan.
topup-checkout-expired = Bu hisob-fakturaning muddati tugagan. 💰 Hisob boʻlimidan yangisini oling.
topup-checkout-mismatch = Summa hisob-fakturaga mos kelmaydi. 💰 Hisob boʻlimidan yangisini oling.
topup-credited =
    ✅ Toʻlov qabul qilindi: <b>+{ $amount }</b>
    💰 Hisobingizda: <b>{ $balance }</b>
topup-payment-unmatched = ⚠️ Toʻlovingiz keldi, lekin uni hisobni toʻldirish bilan bogʻlab boʻlmadi. Administratorlarga xabar berildi; ular siz bilan bogʻlanmasa, /paysupport ga yozing. Toʻlov ID raqami: <code>{ $charge }</code>
topup-admin-payment-unmatched =
    ⚠️ Toʻlovni hisobni toʻldirish bilan bogʻlab boʻlmadi, u hisobga qoʻshilmadi.
    Foydalanuvchi: { $user }
    Toʻlangan: { $total }
    Toʻlov ID raqami: <code>{ $charge }</code>
    Tekshirib, hisobni qoʻlda toʻgʻrilang.
topup-payment-failed = ⚠️ Toʻlovingiz keldi, lekin bot uni hozir hisobingizga qoʻsha olmadi. Administratorlarga xabar berildi, ular uni qoʻlda qoʻshib qoʻyadi; agar pul tez orada hisobingizda koʻrinmasa, /paysupport ga yozing. Toʻlov ID raqami: <code>{ $charge }</code>
topup-admin-payment-failed =
    ⚠️ Toʻlov keldi, lekin hisobga qoʻshilmadi: bot xotirasi uch marta javob bermadi (tafsilotlar jurnalda).
    Foydalanuvchi: { $user }
    Toʻlangan: { $total }
    Toʻlov ID raqami: <code>{ $charge }</code>
    Summani /topup buyrugʻi bilan qoʻlda qoʻshing.
topup-receipt-admin =
    🧾 <b>Chek { $id }</b>
    Kimdan: { $user }
    Summa: <b>{ $amount }</b>

    Boshqa summani qoʻshish uchun: <code>/approve { $id } SUMMA</code>
topup-receipt-admin-note = 💬 Mijoz yozgan: <i>{ $note }</i>
topup-receipt-approve = ✅ Tasdiqlash
topup-receipt-reject = ❌ Rad etish
topup-receipt-approved-by = ✅ { $admin } tasdiqladi: { $amount }
topup-receipt-rejected-by = ❌ { $admin } rad etdi
topup-receipt-done-approved = ✅ Tasdiqlandi
topup-receipt-done-rejected = ❌ Rad etildi
topup-receipt-already = Bu chek boʻyicha { $admin } allaqachon qaror qabul qilgan.
topup-receipt-not-found = ⚠️ { $id } raqamli chek topilmadi.
topup-receipt-user-approved =
    ✅ { $id } raqamli chek tasdiqlandi: hisobingizga <b>+{ $amount }</b> qoʻshildi.
    💰 Hisobingizda: <b>{ $balance }</b>
topup-receipt-user-rejected = ❌ { $id } raqamli chek tasdiqlanmadi. Bu xato deb hisoblasangiz, /paysupport ga yozing.
topup-approve-usage = Foydalanish: <code>/approve CHEK SUMMA</code>, masalan <code>/approve K7Q2M9XP 12.5</code>. Summa yozilmasa, foydalanuvchi koʻrsatgan summa qoʻshiladi.
topup-approve-done = ✅ { $id } raqamli chek tasdiqlandi: { $user } hisobiga { $amount } qoʻshildi.
topup-approve-already = ℹ️ { $id } raqamli chek: { $decision }
topup-refund-usage = Foydalanish: <code>/refundstars USER_ID CHARGE_ID</code>. Hisobda bu summa qolmagan boʻlsa ham qaytarish uchun oxiriga <code>force</code> qoʻshing.
topup-refund-not-found = ⚠️ { $user } foydalanuvchida <code>{ $charge }</code> Stars toʻlovi yoʻq.
topup-refund-already-done = ℹ️ Bu toʻlov allaqachon qaytarilgan.
topup-refund-already-started = ⚠️ Bu toʻlovni qaytarish boshlangan, lekin oxiriga yetmagan. Foydalanuvchi hisobini tekshirib, qoʻlda toʻgʻrilang.
topup-refund-short = ⚠️ Hisobda { $balance } bor, bu toʻlov qoʻshgan { $amount } dan kam. Baribir qaytarib, bor summani yechish uchun: <code>/refundstars { $user } { $charge } force</code>
topup-refund-failed = ⚠️ Telegram toʻlovni qaytarmadi: { $reason }
topup-refund-uncertain = ⚠️ Telegram aniq javob bermadi ({ $reason }): yulduzlar qaytgan yoki qaytmagan boʻlishi mumkin. Hisobdan hech narsa yechilmadi. Keyinroq <code>/refundstars { $user } { $charge }</code> buyrugʻini qayta yuboring: u Telegramdan soʻraydi va qaytarish tasdiqlangandagina pulni yechadi.
topup-refund-done = ✅ { $user } foydalanuvchiga ⭐ { $stars } qaytarildi; hisobdan { $taken } yechildi (qoldiq: { $balance }).
topup-refund-done-short = ✅ { $user } foydalanuvchiga ⭐ { $stars } qaytarildi. Hisobda { $amount } oʻrniga faqat { $taken } bor edi: qolganini qaytarib olib boʻlmadi (qoldiq: { $balance }).
topup-refund-user =
    ↩️ ⭐ { $stars } miqdoridagi toʻlovingiz qaytarildi. Hisobingizdan { $taken } yechildi.
    💰 Hisobingizda: { $balance }
topup-cmd-paysupport = Toʻlov boʻyicha yordam
topup-cmd-terms = Toʻlov shartlari
topup-paysupport =
    💬 <b>Toʻlov boʻyicha yordam</b>

    Muammoni /paysupport bilan boshlanadigan bitta xabarda yozing, masalan:
    <code>/paysupport 14:05 da 50 000 soʻm toʻladim, lekin hisobim oʻzgarmadi</code>
    Sana, summa va boʻlsa, toʻlov ID raqamini qoʻshing. Administrator siz bilan bogʻlanadi.
topup-paysupport-sent = ✅ Xabaringiz administratorlarga yuborildi. Ular siz bilan bogʻlanadi.
topup-paysupport-unavailable = ⚠️ Bu botda toʻlov boʻyicha yordam hali sozlanmagan.
topup-paysupport-admin =
    💬 { $user } dan <b>toʻlov boʻyicha yordam</b> soʻrovi:

    { $text }
topup-terms =
    📄 <b>Toʻlov shartlari</b>

    • Toʻlovlar shu botdagi hisobingizga { $currency } da tushadi va shu yerdagi buyurtmalarga sarflanadi.
    • Karta va Telegram Stars orqali qilingan toʻlovlar toʻlovdan oldin koʻrsatilgan kurs boʻyicha { $currency } ga aylantiriladi; natija 0,00001 { $currency } gacha pastga yaxlitlanadi.
    • Chekli oʻtkazma administrator chekni tekshirgach, haqiqatda kelgan summa bilan hisobga qoʻshiladi.
    • Buyurtma bajarilmasa yoki bekor qilinsa, uning narxi hisobingizga qaytadi.
    • Hisobdagi pul naqd qilib berilmaydi. Xato qilingan toʻlov boʻyicha /paysupport ga yozing.

# tracking (order status and refill notifications, poller alerts)
tracking-order-title = 📦 Buyurtma <b>#{ $id }</b> · paneldagi ID <code>{ $panelId }</code>
tracking-order-service = 🛍 { $service }
tracking-order-status = 📊 Yangi holat: <b>{ $status }</b>
tracking-status = { $status ->
        [pending] ⏳ Navbatda
        [in_progress] 🔄 Bajarilmoqda
        [processing] ⚙️ Ishlov berilmoqda
        [completed] ✅ Bajarildi
        [partial] 🌗 Qisman bajarildi
        [canceled] ❌ Bekor qilindi
        [refunded] ↩️ Pul qaytarildi
        [failed] ⚠️ Bajarilmadi
        [active] 🟢 Faol
       *[other] ❔ { $raw }
    }
tracking-order-delivered = 📈 Bajarildi: { $quantity } tadan { $delivered } tasi
tracking-order-refunded = ↩️ <b>{ $amount }</b> hisobingizga qaytarildi.
tracking-order-refund-checking = ↩️ Bajarilmagan qism uchun qaytariladigan pulni administrator tekshiradi.
tracking-refill-completed =
    ♻️ <b>Qayta toʻldirish bajarildi</b>
    📦 Buyurtma <b>#{ $id }</b> · paneldagi ID <code>{ $panelId }</code>
    🛍 { $service }
tracking-refill-ended =
    ♻️ <b>Qayta toʻldirish bajarilmadi</b>: { $status }
    📦 Buyurtma <b>#{ $id }</b> · paneldagi ID <code>{ $panelId }</code>
    🛍 { $service }
tracking-refill-status = { $status ->
        [rejected] xizmat rad etdi
        [canceled] bekor qilindi
       *[other] xatolik yuz berdi
    }
tracking-alert-stuck-order = #{ $id } buyurtma (paneldagi buyurtma { $panelId }, foydalanuvchi { $user }) endi kuzatilmaydi: { $reason }. Uni panelda tekshiring: /order { $id }
tracking-alert-panel-down = Panel { $minutes } daqiqadan beri holat soʻrovlariga javob bermayapti ({ $reason }). Panel javob bera boshlagach, buyurtmalarni kuzatish oʻz-oʻzidan davom etadi.

## Doʻkon egasining katalogi: tasdiqlashda oʻzgargan narx, katalog yangilanishi hisoboti, adminlar ekranlari
order-repriced = ⚠️ Siz koʻrganingizdan beri narx oʻzgardi: { $old } edi, endi <b>{ $new }</b>. Hisobingizdan hech narsa yechilmadi: buyurtmani yana bir bor tekshirib, tasdiqlang.
digest-title = 🔄 <b>Panel katalogi oʻzgardi</b>
digest-at-loss = ⛔ Yashirildi: belgilangan narx endi tannarxni (yoki eng kam ustamani) qoplamaydi: { $count }
digest-lost-categories = 🏷 Siz sozlagan boʻlimlar panel roʻyxatidan yoʻqoldi (nomi oʻzgargan yoki boʻshab qolgan: ularni yashirish, ustama, qadash va nomlari endi amal qilmaydi; yangilarini qaytadan sozlang): { $count }
digest-rates = 💱 Panel narxi oʻzgargan xizmatlar: { $count }
digest-rate-line = { $service }: { $old } → { $new } ({ $percent })
digest-added = ➕ Yangi xizmatlar: { $count }
digest-removed = ➖ Olib tashlangan xizmatlar: { $count }
digest-limits = 📏 Min./maks. oʻzgargan xizmatlar: { $count }
digest-limit-line = { $service }: { $old } → { $new }
digest-more = …yana { $count } ta (/catalog buyrugʻida koʻring).
admin-cmd-catalog = Doʻkon katalogi: yashirish, nomlash, narx qoʻyish (soʻz yoki raqam — qidiruv)
admin-cmd-rate = Doʻkon valyutasining kursi
admin-cmd-pricing = Umumiy ustama, yaxlitlash qadami, eng kam ustama va buyurtma summasi
admin-cmd-audit = Doʻkondagi soʻnggi oʻzgarishlar
shop-catalog-title = 🗂 <b>Doʻkon katalogi</b>: kategoriyalar — { $categories }, xaridorlarga koʻrinadi — { $visible } ({ $page }/{ $pages }-sahifa). ✅ koʻrinadi, 🚫 yashirin.
shop-search-found = 🔎 «{ $query }» boʻyicha topildi: { $count }
shop-search-none = 🔎 «{ $query }» boʻyicha hech narsa topilmadi. Xizmat raqamini yoki boshqa soʻzlarni yozib koʻring.
shop-panel-name = Paneldagi nomi: { $name }
shop-state-visible = ✅ Xaridorlarga koʻrinadi
shop-state-hidden = 🚫 Xaridorlardan yashirilgan
shop-state-at-loss = ⛔ Oʻzi yashirildi: belgilangan narx tannarxni qoplamaydi
shop-markup-own = Ustama: <b>{ $markup }</b> (oʻziniki)
shop-markup-global = Ustama: { $markup } (umumiy)
shop-pin = Qadalgan oʻrni: { $pin }
shop-services-count = Koʻrinadigan xizmatlar: { $visible } / { $total }
shop-names = Oʻz nomlari (— paneldagidek):
shop-none = yoʻq
shop-per-1000 = 1000 tasi uchun
shop-mode-category = Narx: kategoriyaniki boʻyicha ({ $markup })
shop-mode-markup = Narx: oʻz ustamasi <b>{ $markup }</b>
shop-mode-fixed = Narx: belgilangan <b>{ $price }</b>
shop-cost-line = Tannarx: { $cost } = { $costInShop } · Doʻkondagi narx: <b>{ $price }</b> · Foyda: { $margin } ({ $percent })
shop-button-show = ✅ Koʻrsatish
shop-button-hide = 🚫 Yashirish
shop-button-markup = Ustama %
shop-button-pin = Qadash
shop-button-fixed = Belgilangan narx
shop-button-follow = Kategoriyaniki boʻyicha
shop-button-rename = Nomi ({ $language })
shop-button-describe = Tavsifi ({ $language })
shop-saved = ✅ Saqlandi.
shop-ask = ✏️ { $what ->
        [cm] Kategoriya ustamasini foizda yuboring (masalan, 25) yoki umumiysiga qaytarish uchun - yuboring.
        [cp] Kategoriyani qaysi oʻringa qadashni yuboring (1 — birinchi) yoki olib tashlash uchun - yuboring.
        [cn] Kategoriyaning «{ $language }» tilidagi nomini yuboring yoki paneldagi nomga qaytarish uchun - yuboring.
        [sm] Xizmatning oʻz ustamasini foizda yuboring (masalan, 40) yoki kategoriyaniki boʻyicha qilish uchun - yuboring.
        [sf] Xizmatning 1000 tasi uchun (paketlarda — paket uchun) belgilangan narxini doʻkon valyutasida yuboring yoki kategoriyaniki boʻyicha qilish uchun - yuboring.
        [sn] Xizmatning «{ $language }» tilidagi nomini yuboring yoki paneldagi nomga qaytarish uchun - yuboring.
       *[sd] Xizmatning «{ $language }» tilidagi tavsifini yuboring yoki paneldagi tavsifga qaytarish uchun - yuboring.
    } /cancel — oʻzgartirmaslik.
shop-input-again = Boshqa qiymat yuboring yoki /cancel bosing.
shop-input-cancelled = Hech narsa oʻzgarmadi.
shop-error = ⚠️ { $error ->
        [not_number] Bu son emas. Raqamlar bilan yozing, masalan 25 yoki 12,5.
        [too_big] Son juda katta.
        [not_positive] Qiymat 0 dan katta boʻlishi kerak.
        [too_long] Matn juda uzun.
        [empty] Matn boʻsh.
        [unknown_category] Bu kategoriya endi panel katalogida yoʻq.
        [unknown_service] Bu xizmat endi panel katalogida yoʻq.
        [same_currency] Doʻkon panel valyutasida sotadi: kurs qoʻyish shart emas.
       *[invalid] Bu qiymat toʻgʻri kelmaydi.
    } Hech narsa oʻzgarmadi.
shop-rate-show = 💱 1 { $panelCurrency } = <b>{ $rate }</b> ({ $by } qoʻygan, { $at } UTC)
shop-rate-missing = 💱 Kurs hali qoʻyilmagan: bitta { $panelCurrency } necha { $currency } ekanini koʻrsatmaguningizcha xaridorlar buyurtma bera olmaydi.
shop-rate-history = Avvalgi kurslar:
shop-rate-usage = Qoʻyish uchun: <code>/rate 12650</code>
shop-rate-same-currency = 💱 Doʻkon panel valyutasida ({ $currency }) sotadi: kurs kerak emas. Boshqa valyutada sotish uchun SHOP_CURRENCY ni sozlang.
shop-unavailable-rate = ⚠️ Katalog narxlarini hali hisoblab boʻlmaydi: /rate bilan kursni qoʻying (yoki panel xizmatlari roʻyxati mavjud emas).
shop-pricing-show = 🏷 <b>Narxlar</b>
    Umumiy ustama: <b>{ $markup }</b>
    Yaxlitlash qadami: { $step }
    Belgilangan narxlarning eng kam ustamasi: { $margin }
    Buyurtmaning eng kam summasi: { $min }
shop-pricing-usage = Oʻzgartirish uchun: <code>/pricing markup 25</code>, <code>/pricing step 100</code>, <code>/pricing margin 5</code>, <code>/pricing min 1000</code> (0 qadamni yoki eng kam summani olib tashlaydi).
shop-audit-title = 📜 <b>Soʻnggi oʻzgarishlar</b> ({ $shown } / { $total })
shop-audit-row = { $at } · { $who } · <b>{ $what }</b>: { $old } → { $new }
shop-audit-empty = 📜 Hali oʻzgarishlar yoʻq.

## Solishtirish (/reconcile va har kungi tekshiruv)
admin-cmd-reconcile = Hamyonlar, yozuvlar va buyurtmalarni solishtirish
reconcile-working = 🔎 Hamyonlar, amallar jurnali va buyurtmalar solishtirilmoqda…
reconcile-clean = ✅ <b>Solishtirish: hammasi mos</b>
reconcile-off = ⚠️ <b>Solishtirishda farqlar topildi: { $count }</b>
reconcile-summary =
    👥 Mijozlar: { $customers } · buyurtmalar: { $orders }
    👛 Mijozlar hamyonlarida: { $wallets }
    🏦 Panel balansi: { $panel }
reconcile-panel-unavailable = maʼlum emas ({ $reason })
reconcile-wallet = Foydalanuvchi { $user }: hamyonda { $wallet }, jurnal boʻyicha esa { $ledger } chiqadi
reconcile-ledger-gap = Foydalanuvchi { $user }: jurnalda { $at } dan oldingi yozuv yoʻqolgan yoki oʻzgartirilgan
reconcile-charge-missing = Buyurtma #{ $id } (foydalanuvchi { $user }): uning toʻlovi jurnalda yoʻq
reconcile-charge-repeated = Buyurtma #{ $id } (foydalanuvchi { $user }): pul bir martadan koʻp yechilgan (yozuvlar: { $count })
reconcile-charge-amount = Buyurtma #{ $id } (foydalanuvchi { $user }): jurnal boʻyicha { $ledger } yechilgan, buyurtma narxi esa { $price }
reconcile-refund-mismatch = Buyurtma #{ $id } (foydalanuvchi { $user }): jurnaldagi qaytarishlar { $ledger }, boʻlishi kerak: { $expected }
reconcile-orphan-entry = Foydalanuvchi { $user }: jurnalda #{ $id } buyurtma boʻyicha yozuv bor, lekin bunday buyurtmasi yoʻq
reconcile-stuck = Buyurtma #{ $id } (foydalanuvchi { $user }): { $placement ->
        [reserved] pul band qilingan, buyurtma yuborilmagan
        [sending] panelga yuborilgan, javob yoʻq
       *[other] natijasi nomaʼlum, /settle kutilmoqda
    } ({ $since } dan beri)
reconcile-panel-short = Panel balansi ({ $panel }) mijozlar hamyonlaridagi puldan ({ $wallets }) kam
reconcile-more = Yana farqlar: { $count } (hammasi logda bor).
reconcile-capped = Hajm chegarasiga yetgan jurnallar oʻtkazilgan qoldiqdan boshlab tekshirildi: foydalanuvchilar { $users }

## Referallar
referral-screen =
    👥 <b>Doʻstlaringizni taklif qiling</b>

    Siz taklif qilgan doʻstingiz toʻlagan har bir buyurtmadan (qaytarilgan pul chegirilgach) <b>{ $percent }%</b> hisobingizga tushadi.

    Shaxsiy havolangiz:
    { $link }

    Havolangiz orqali qoʻshilganlar: <b>{ $invited }</b>
    Ishlab topganingiz: <b>{ $earned }</b>
referral-off = 👥 Referal dasturi hozircha ishlamayapti.
referral-joined = 👥 { $name } sizning havolangiz orqali doʻkonga qoʻshildi. Uning buyurtmalaridan ulush olasiz.
referral-reward = 💸 Referal mukofoti: taklif qilgan doʻstingizning #{ $order } buyurtmasi uchun <b>{ $amount }</b>. Pul hisobingizga tushdi.

## Promokodlar
promo-ask = 🎁 Promokodni bitta xabarda yuboring (yoki /cancel).
promo-cancelled = Promokod kiritish bekor qilindi.
promo-credited = 🎁 <code>{ $code }</code> promokodi qabul qilindi: hisobingizga <b>{ $amount }</b> qoʻshildi. Hisobingizda: { $balance }
promo-discount-held = 🎁 <code>{ $code }</code> promokodi qabul qilindi: { $terms }. Chegirma keyingi buyurtmangizni tasdiqlashda koʻrsatiladi.
promo-other-held = ⚠️ Keyingi buyurtmangiz uchun chegirmangiz allaqachon bor (<code>{ $code }</code>: { $terms }). Avval undan foydalaning, keyin boshqa promokod kiriting.
promo-unknown = ❌ <code>{ $code }</code> degan promokod yoʻq. Yozilishini tekshirib, qaytadan urinib koʻring.
promo-disabled = ❌ <code>{ $code }</code> promokodi endi amal qilmaydi.
promo-expired = ⌛ <code>{ $code }</code> promokodining muddati tugagan.
promo-already = ℹ️ Siz <code>{ $code }</code> promokodidan allaqachon foydalangansiz. Har bir promokod bir mijoz uchun bir marta ishlaydi.
promo-used-up = 🔚 <code>{ $code }</code> promokodi tugadi: undan foydalanish imkoniyatlari qolmadi.
promo-terms-credit = hisobga { $amount }
promo-terms-discount = keyingi buyurtmaga { $percent }% chegirma, koʻpi bilan { $cap }
promo-terms-min = kamida { $min }lik buyurtma uchun
order-confirm-list-price = Narx: <s>{ $price }</s>
order-confirm-discount = 🎁 Chegirma (<code>{ $code }</code>): −{ $discount }
order-confirm-to-pay = Toʻlanadi: <b>{ $price }</b>
order-confirm-promo-min = ℹ️ <code>{ $code }</code> promokodi kamida { $min }lik buyurtmalarga ishlaydi: u keyingi buyurtma uchun saqlanib qoladi.
order-promo-gone = ⚠️ Bu buyurtmaning chegirmasi boshqa buyurtmada ishlatib boʻlingan, shuning uchun hech narsa yechilmadi. Buyurtmani qaytadan bering.

## Administratorlar: promokodlar va referallar
promo-created = ✅ <code>{ $code }</code> promokodi yaratildi: { $terms }. Foydalanishlar soni: { $uses }. Amal qilish muddati: { $expires } gacha.
promo-exists = ⚠️ <code>{ $code }</code> promokodi allaqachon bor (promokod nomlari qayta ishlatilmaydi).
promo-list-title = 🎁 <b>Promokodlar</b>, eng yangilari tepada
promo-list-row = { $state ->
        [active] ✅
        [expired] ⌛
        [used_up] 🔚
       *[disabled] 🚫
    } <code>{ $code }</code> · { $terms } · { $uses } tadan { $used } tasi ishlatilgan · { $expires } gacha
promo-list-empty = Hali promokodlar yoʻq.
promo-disable-done = 🚫 <code>{ $code }</code> promokodi oʻchirildi. Olib boʻlingan chegirmalar amal qilishda davom etadi.
promo-not-found = <code>{ $code }</code> degan promokod yoʻq.
promo-err-usage =
    <b>Promokodlar</b>
    <code>/promo create KOD credit SUMMA uses=N days=N</code>
    <code>/promo create KOD discount FOIZ% cap=SUMMA uses=N expires=YYYY-MM-DD [min=SUMMA]</code>
    <code>/promo list</code>
    <code>/promo disable KOD</code>
    Muddat: <code>days=N</code> yoki <code>expires=YYYY-MM-DD</code> (oʻsha kunning oxiri, UTC).
promo-err-code = ❌ Promokod 3 tadan 32 tagacha lotin harfi, raqam, “_” yoki “-” belgilaridan iborat boʻladi.
promo-err-reserved = ❌ “{ $code }” buyruq soʻzi, uni promokod qilib boʻlmaydi.
promo-err-kind = ❌ “{ $kind }”: turi <code>credit</code> (hisobga pul) yoki <code>discount</code> (keyingi buyurtmaga foizli chegirma) boʻladi.
promo-err-amount = ❌ “{ $value }” summa emas: 5 yoki 2.5 kabi musbat son kiriting.
promo-err-percent = ❌ “{ $value }” foiz emas: 0 dan katta, 100 dan oshmaydigan son kiriting, masalan 10%.
promo-err-cap = ❌ Chegirma uchun <code>cap=SUMMA</code> kerak (eng koʻpi bilan qancha chegiriladi, musbat summa); credit promokodida cap boʻlmaydi.
promo-err-uses = ❌ Foydalanishlar sonini kiriting: <code>uses=N</code>, 1 dan 1 000 000 gacha.
promo-err-expiry = ❌ Bitta muddat kiriting: <code>days=N</code> (1 dan 3650 gacha) yoki <code>expires=YYYY-MM-DD</code>, kelajakdagi sana.
promo-err-min = ❌ <code>min=SUMMA</code> (chegirma ishlaydigan eng kichik buyurtma) musbat summa boʻlishi kerak va u faqat discount promokodlarida boʻladi.
promo-err-option = ❌ “{ $option }” bu yerda ishlatilmaydi. Parametrlar: uses=, days=, expires=, cap=, min=.
admin-stats-referrals = 👥 <b>Referallar</b> ({ $percent }%): havolalar orqali qoʻshilganlar: { $users } · taklif qilganlarga toʻlangan: { $earned } · mukofotli buyurtmalar: { $orders }
admin-money-kind = { $kind ->
        [card] Karta
        [stars] Stars
        [receipt] Cheklar
        [admin] Admin qoʻshgan pul
        [promo] Promokodlar
        [referral] Referal mukofotlari
       *[refund] Qaytarilgan Stars
    }
admin-money-item = { $kind } { $amount } ({ $count })
admin-money-item-stars = { $kind } { $amount } ({ $count }; { $stars } ⭐)
admin-stats-topups =
    💳 <b>Hisob toʻldirishlar</b> (kelib tushgan pul)
    Bugun: { $today }
    Jami: { $total }
admin-topups-sum = { $amount }, { $count } ta toʻldirish: { $methods }
admin-topups-none = yoʻq
admin-stars-refunds-sum = { $amount } ({ $count }; { $stars } ⭐)
admin-stats-stars-refunds = ↩️ Qaytarilgan Stars: bugun { $today } · jami { $total }
admin-stats-bonuses = 🎁 Bonuslar (hisob toʻldirish emas): bugun { $today } · jami { $total }
admin-user-referrals = 👥 Taklif qilgan: { $referrer } · taklif qilganlari: { $invited } · ishlab topgani: { $earned } (buyurtmalar: { $orders })

# web back office
web-title = Doʻkon boshqaruv paneli
web-signin-link =
    🔐 Boshqaruv paneliga kirish havolangiz ({ $minutes } daqiqa amal qiladi, bir marta):
    { $url }

    Uni hech kimga yubormang: kim birinchi ochsa, oʻsha siz sifatida kiradi.
web-signin-title = Kirish
web-signin-confirm = Boshqaruv paneliga { $id } administrator sifatida kirasizmi?
web-signin-button = Kirish
web-signout = Chiqish
web-signed-out-title = Chiqdingiz
web-signed-out = Paneldan chiqdingiz. Yangi havola olish uchun botga /admin yuboring.
web-refused-title = Ruxsat yoʻq
web-refused-link = Bu kirish havolasi yaroqsiz: u allaqachon ishlatilgan, muddati oʻtgan yoki umuman berilmagan.
web-refused-signed-out = Siz tizimga kirmagansiz yoki seansingiz tugagan.
web-refused-not-admin = Bu hisob endi doʻkon administratori emas.
web-refused-origin = Bu soʻrov boshqaruv panelining sahifasidan kelmagan.
web-refused-csrf = Bu shaklning muddati oʻtgan. Sahifani yangilab, qaytadan urinib koʻring.
web-refused-too-many = Kirishga juda koʻp urinildi. Bir necha daqiqa kutib, qaytadan urinib koʻring.
web-refused-too-large = Bu soʻrov boshqaruv paneli uchun juda katta. Xabar tarqatish uchun rasm 10 MB dan oshmasligi kerak.
web-refused-how = Yangi kirish havolasini olish uchun Telegramda botga /admin yuboring.
web-not-found = Bu manzilda hech narsa yoʻq.
web-error = Xatolik yuz berdi. Bir daqiqadan soʻng qaytadan urinib koʻring.
web-nav-home = Umumiy holat
web-nav-orders = Buyurtmalar
web-nav-users = Foydalanuvchilar
web-nav-receipts = Cheklar
web-nav-broadcasts = Xabar tarqatish
web-nav-audit = Amallar jurnali
web-nav-settings = Sozlamalar
web-search = Qidirish
web-yes = ha
web-no = yoʻq
web-page-prev = ← Oldingi
web-page-next = Keyingi →
web-page-of = { $pages } sahifadan { $page }-sahifa
web-home-unknown = ta buyurtma hal qilinishini kutmoqda
web-home-receipts = ta chek qaror kutmoqda
web-home-broadcasts = ta xabar tarqatilmoqda
web-users-search = Foydalanuvchi ID raqami yoki @username
web-users-not-found = “{ $query }” boʻyicha foydalanuvchi topilmadi.
web-user-title = { $id } foydalanuvchi
web-user-name = Ismi
web-user-language = Tili
web-user-blocked = Botni bloklagan
web-user-created = Birinchi marta kelgan
web-user-seen = Oxirgi marta kelgan
web-user-balance = Hisob
web-user-orders = Buyurtmalar
web-user-ledger = Hisobdagi harakatlar
web-user-ledger-empty = Hisobda hali harakat boʻlmagan.
web-user-latest-orders = Soʻnggi buyurtmalar
web-ledger-when = Qachon
web-ledger-amount = Summa
web-ledger-balance = Keyingi qoldiq
web-ledger-reason = Sabab
web-ledger-by = { $admin } administrator tomonidan
web-wallet-title = Hisobni toʻldirish yoki undan yechish
web-wallet-direction = Toʻldirish yoki yechish
web-wallet-credit = Toʻldirish (qoʻshish)
web-wallet-debit = Yechish (olish)
web-wallet-amount = Summa, { $currency }
web-wallet-note = Izoh (hisob tarixida koʻrinadi)
web-wallet-submit = Bajarish
web-wallet-hint = Hisobda boridan koʻp pul hech qachon yechilmaydi. Foydalanuvchiga xabar beriladi.
web-wallet-credited = ✅ Hisob toʻldirildi, foydalanuvchiga xabar berildi.
web-wallet-debited = ✅ Hisobdan pul yechildi, foydalanuvchiga xabar berildi.
web-wallet-empty = ℹ️ Hisob boʻsh: hech narsa yechilmadi.
web-wallet-repeated = ℹ️ Bu shakl allaqachon yuborilgan: hech narsa qayta bajarilmadi.
web-wallet-invalid = ⚠️ Noldan katta summa kiriting (masalan, 5 yoki 2,50).
web-orders-search = Buyurtma raqami (#17) yoki paneldagi buyurtma raqami
web-orders-not-found = “{ $query }” boʻyicha buyurtma topilmadi.
web-orders-none = Buyurtmalar yoʻq.
web-orders-unknown-hint = Bu buyurtmalar panelga yetib borgan-bormagani nomaʼlum: panelda tekshiring, soʻng har birini paneldagi raqami bilan yoki pulni qaytarib hal qiling.
web-order-title = #{ $id } buyurtma
web-order-created = Yaratilgan
web-order-service = Xizmat
web-order-state = Holati
web-order-price = Narxi
web-order-user = Mijoz
web-order-link = Havola
web-order-quantity = Miqdori
web-order-panel-id = Paneldagi raqami
web-order-status = Paneldagi holati
web-order-progress = Boshlangʻich son / qolgani
web-order-charge = Panel olgan summa
web-order-refunded = Qaytarilgan
web-order-timeline = Tarixi
web-order-actions = Amallar
web-order-refill = Toʻldirishni (refill) soʻrash
web-order-cancel = Panelda bekor qilish
web-order-check = Holatini hozir tekshirish
web-timeline-created = Buyurtma yaratildi
web-timeline-charged = Hisobdan { $amount } yechildi
web-timeline-refunded = Hisobga { $amount } qaytarildi
web-timeline-placed = Panelga { $panelId } raqami bilan joylashtirildi
web-timeline-status = Oxirgi maʼlum holati: { $status }
web-timeline-unknown = Natijasi nomaʼlum: { $reason }
web-timeline-failed = Joylashtirilmadi: { $reason }
web-timeline-refill = { $refill } toʻldirish: { $status }
web-settle-hint = Buyurtmani panelda qidiring. U yerda boʻlsa, paneldagi raqamini kiriting; boʻlmasa, mijozga pulini qaytaring.
web-settle-panel-id = Paneldagi raqami
web-settle-placed = Panelda bor
web-settle-refund = Mijozga pulini qaytarish
web-notice-settle-placed = ✅ Joylashtirilgan deb hal qilindi: endi kuzatib boriladi, mijozga xabar berildi.
web-notice-settle-refunded = ✅ Pul qaytarildi, mijozga xabar berildi.
web-notice-settle-not-unknown = ℹ️ Bu buyurtma hal qilinishini kutmayapti (kimdir allaqachon hal qilganmi?).
web-notice-settle-panel-id-taken = ⚠️ Paneldagi bu raqam boshqa buyurtmaga tegishli.
web-notice-settle-invalid = ⚠️ Paneldagi buyurtma raqamini kiriting yoki pulni qaytarishni tanlang.
web-notice-action-requested = ✅ Panelga yuborildi. Natijasi haqida mijozga xabar beriladi.
web-notice-action-busy = ⏳ Bu hozir panelga yuborilmoqda.
web-notice-action-already = ℹ️ Panel buni hozirgina qabul qildi.
web-notice-action-refused = ⚠️ Panel buni rad etdi.
web-notice-action-unreachable = ⚠️ Panel javob bermadi, hech narsa oʻzgarmadi. Keyinroq urinib koʻring.
web-notice-action-unconfirmed = ⚠️ Panel aniq javob bermadi; buyurtma tez orada yana tekshiriladi.
web-notice-action-not-allowed = ℹ️ Bu buyurtmada hozir bu amalni bajarib boʻlmaydi.
web-live-status = Panel hozir: { $status } · qolgani { $remains } · olingan summa { $charge }
web-live-refused = Panel holat soʻrovini rad etdi: { $message }
web-live-unreachable = Panel javob bermadi. Keyinroq urinib koʻring.
web-live-not-placed = Bu buyurtmaning panelda tekshiradigan buyurtmasi yoʻq.
web-receipts-none = Qaror kutayotgan chek yoʻq.
web-receipt-photo = { $id } chek
web-receipt-no-file = Bu chekning fayli saqlanmagan.
web-receipt-id = Chek
web-receipt-user = Mijoz
web-receipt-amount = Summa
web-receipt-note = Mijoz yozgan
web-receipt-sent = Yuborilgan
web-receipt-approve = Tasdiqlash
web-receipt-reject = Rad etish
web-receipt-approved-by = ✅ { $admin } tasdiqladi: { $amount }
web-receipt-rejected-by = ❌ { $admin } rad etdi
web-receipt-already = ℹ️ Bu chek boʻyicha boshqa administrator avvalroq qaror qildi.
web-receipt-bad-amount = ⚠️ Noldan katta summa kiriting.
web-broadcast-compose = Yangi xabar tarqatish
web-broadcast-text = Matn (rasm boʻlsa, uning izohi)
web-broadcast-photo = Rasm (ixtiyoriy)
web-broadcast-file-id = …yoki rasmning Telegramdagi file id si (ixtiyoriy)
web-broadcast-hint = Xabar avval botdagi oʻz chatingizga keladi, soʻng u yerdan botni bloklamagan har bir foydalanuvchiga nusxa qilib yuboriladi.
web-broadcast-preview = Oldindan koʻrish
web-broadcast-send = Hammaga yuborish
web-broadcast-preview-upload = { $name } rasmi bilan
web-broadcast-preview-file-id = Shu file id dagi rasm bilan
web-broadcast-preview-users = Koʻpi bilan { $users } foydalanuvchiga boradi.
web-broadcast-empty = ⚠️ Matn yozing yoki rasm qoʻshing.
web-broadcast-one-photo = ⚠️ Rasm yuklang yoki file id kiriting, ikkalasini emas.
web-broadcast-bad-photo = ⚠️ Rasm 10 MB dan katta boʻlmagan tasvir fayli boʻlishi kerak.
web-broadcast-bad-file-id = ⚠️ Telegram bu file id ni rasm sifatida tanimaydi.
web-broadcast-caption-long = ⚠️ Rasm bilan matn koʻpi bilan 1024 belgidan iborat boʻlishi mumkin.
web-broadcast-text-long = ⚠️ Matn koʻpi bilan 4096 belgidan iborat boʻlishi mumkin.
web-broadcast-no-chat = ⚠️ Bot sizga yoza olmayapti: Telegramda botni ochib, Start tugmasini bosing va qaytadan urinib koʻring.
web-broadcast-history = Tarix
web-broadcast-none = Hali xabar tarqatilmagan.
web-broadcast-started = Boshlangan
web-broadcast-by = Administrator
web-broadcast-state = Holati
web-broadcast-delivered = Yetkazilgan
web-broadcast-title = #{ $id } xabar tarqatish
web-broadcast-meta = { $started } da { $admin } administrator boshlagan.
web-broadcast-phase = { $phase ->
        [queueing] navbatga qoʻyilmoqda
        [delivering] yetkazilmoqda
       *[done] tugadi
    }
web-broadcast-counts = { $users } dan { $queued } tasi navbatda · ✅ { $delivered } ta yetkazildi · 🚫 { $blocked } ta bloklagan · ⚠️ { $failed } ta xato · ❔ { $maybe } tasi yetkazilgan boʻlishi mumkin · { $skipped } ta oʻtkazib yuborildi
web-audit-empty = Hali hech narsa yozilmagan.
web-audit-when = Qachon
web-audit-who = Administrator
web-audit-what = Nima
web-audit-change = Avval → keyin
web-settings-health = Ishlash holati
web-settings-panel = Panel
web-health-state = { $state ->
        [ok] ✅ ishlayapti
        [refused] ⚠️ API kalitini qabul qilmayapti
       *[down] ❌ javob bermayapti
    }
web-settings-values = Amaldagi sozlamalar
web-settings-hint = Faqat koʻrish uchun: ularni .env faylida oʻzgartirib, qayta ishga tushiring. Maxfiy qiymatlar hech qachon koʻrsatilmaydi.
web-settings-secret-set = berilgan (yashirin)

# required channels (REQUIRED_CHANNELS)
channels-join =
    📢 <b>Buyurtma berish uchun avval kanallarimizga aʼzo boʻling:</b>
    { $channels }

    Soʻng «✅ Aʼzo boʻldim» tugmasini bosing.
channels-button-joined = ✅ Aʼzo boʻldim
channels-still-missing = Hali hamma kanallarga aʼzo boʻlmadingiz. Aʼzo boʻling, soʻng tugmani yana bosing.
channels-thanks = ✅ Aʼzo boʻlganingiz uchun rahmat! Endi buyurtma berishingiz mumkin: xizmatni tanlang yoki «Tasdiqlash»ni yana bosing.

# order again, drip-feed (order dialog)
order-ask-link-again =
    🔁 <b>{ $service }</b> xizmatini yana buyurtma qilyapsiz.
    Oldingi havola: { $link }
    Shu havoladan foydalaning yoki yangi havola yuboring.
order-button-reuse-link = ✅ Shu havoladan foydalanish
order-ask-dripfeed = 💧 Bu xizmatni qismlab (drip-feed) yetkazish mumkin: miqdor bir necha marta, oraliq bilan yuboriladi. Qismlab yetkazilsinmi?
order-button-dripfeed-yes = 💧 Ha, qismlab
order-button-dripfeed-no = ➡️ Yoʻq, birdaniga
order-hint-dripfeed = ✍️ Tugmalardan birini bosing yoki /cancel bilan toʻxtating.
order-ask-runs = 🔁 Necha marta yetkazilsin? { $min } dan { $max } gacha butun son yuboring (har safar { $quantity } tadan).
order-runs-invalid = ⚠️ Necha marta ekanini { $min } dan { $max } gacha butun son bilan yuboring: har safar { $quantity } tadan, butun buyurtma xizmatning eng koʻp miqdoridan oshmasin.
order-ask-interval = ⏱ Yetkazishlar orasida necha daqiqa boʻlsin? 1 dan { $max } gacha butun son yuboring.
order-interval-invalid = ⚠️ Oraliqni daqiqalarda, 1 dan { $max } gacha butun son bilan yuboring.
order-confirm-dripfeed = Qismlab: <b>{ $runs }</b> marta, har { $interval } daqiqada — jami <b>{ $total }</b>
orders-details-dripfeed = 💧 Qismlab: { $runs } marta, har { $interval } daqiqada (jami { $total })
orders-button-again = 🔁 Yana buyurtma berish
orders-again-gone = Bu xizmat endi sotilmaydi. /order orqali boshqasini tanlang.

# service search
search-ask = 🔍 Nima qidiryapsiz? Bir-ikki soʻz yuboring, masalan: instagram obunachilar
search-results = 🔍 «{ $query }» boʻyicha <b>{ $count } ta xizmat</b> topildi ({ $page }/{ $pages }-sahifa):
search-nothing = 🔍 «{ $query }» boʻyicha hech narsa topilmadi. Boshqa soʻzlar bilan urinib koʻring yoki barcha xizmatlarni koʻring: /order
search-expired = 🔍 Bu qidiruv eskirdi. /search va bir-ikki soʻz bilan qaytadan qidiring.

admin-balance-wallets-converted = ≈ { $total } doʻkon kursi boʻyicha

## Back office dashboard
web-dash-balance = Panel balansi va hamyonlar
web-dash-panel-balance = Panel balansi
web-dash-wallets = Mijozlar hamyonlaridagi jami pul
web-dash-balance-low = ⚠️ Panel balansi mijozlar hamyonidagidan { $shortfall } kam: panel hisobini toʻldiring.
web-dash-panel-refused = Panel balans soʻroviga rad javobini berdi: { $message }
web-dash-panel-unreachable = Panel balans soʻroviga javob bermadi.
web-dash-panel-currency = Panel { $panelCurrency }da, doʻkon esa { $currency }da hisoblaydi: ularni oʻzingiz solishtiring.
web-dash-range = Davr
web-dash-days = { $days } kun
web-dash-partial = Hisoblagichlardan oldingi buyurtmalar hali sanalmoqda: raqamlar hozircha toʻliq emas.
web-dash-orders = Kunlik joylangan buyurtmalar
web-dash-turnover = Kunlik aylanma, { $currency }
web-dash-margin = Kunlik foyda, { $currency }
web-dash-open = Ochiq buyurtmalar holati boʻyicha
web-dash-open-none = Ochiq buyurtmalar yoʻq.
web-dash-top-services = Eng koʻp buyurtma qilingan xizmatlar, oxirgi { $days } kun
web-dash-top-none = Bu davrda buyurtmalar yoʻq.
web-dash-topups-chart = Kunlik hisob toʻldirishlar, { $currency }
web-dash-topups = Toʻlov usullari boʻyicha hisob toʻldirishlar
web-dash-topups-method = Usul
web-dash-topups-period = Oxirgi { $days } kun
web-dash-topups-all = Jami
web-dash-topups-total = Barcha toʻldirishlar
web-dash-topups-others = Hisob toʻldirish emas
web-dash-topups-note = Har biri sodir boʻlgan paytda bir marta sanaladi: karta va Stars toʻlovlari hisobga tushganda, cheklar tasdiqlanganda, admin qoʻshgan pul. Qaytarilgan Stars alohida, qaytarilgan kuni sanaladi.
web-orders-search-label = Buyurtma, panel raqami yoki havola
web-orders-any = istalgan
web-orders-service-id = Xizmat raqami
web-orders-from = Yaratilgan sana: dan
web-orders-to = gacha
web-orders-bad-user = Foydalanuvchini Telegram raqami bilan kiriting (faqat raqamlar).
web-orders-bad-service = Xizmat raqamida faqat harflar, raqamlar, - yoki _ boʻladi.
web-orders-bad-date = “{ $date }” sana emas.
web-orders-indexed = Bu davrda { $count } ta buyurtma
web-orders-newest = Eng yangilari

## Back office catalog
web-nav-catalog = Katalog
web-catalog-rate = Valyuta kursi
web-catalog-rate-now = 1 { $panelCurrency } = { $rate } ({ $at } UTC da { $by } belgilagan)
web-catalog-rate-missing = Kurs hali belgilanmagan: u belgilanmaguncha mijozlar buyurtma bera olmaydi.
web-catalog-unavailable = Katalogni koʻrsatib boʻlmaydi: paneldan xizmatlar roʻyxatini olib boʻlmadi. Panel sozlamalarini tekshiring (Sozlamalar) va bir necha daqiqadan soʻng qayta urinib koʻring.
web-catalog-unavailable-rate = Valyuta kursi kiritilmaguncha katalogni koʻrsatib boʻlmaydi: uni quyida kiriting.
web-catalog-rate-new = Yangi kurs
web-catalog-rate-set = Kursni belgilash
web-catalog-categories = Boʻlimlar
web-catalog-category-count = { $all } tadan { $visible } tasi koʻrinadi
web-catalog-hide-category = Boʻlimni yashirish
web-catalog-show-category = Boʻlimni koʻrsatish
web-catalog-services = Xizmatlar
web-catalog-search = Xizmat raqami yoki nomi
web-catalog-show = Koʻrsatish
web-catalog-show-option = { $show ->
        [visible] faqat koʻrinadiganlar
        [hidden] faqat yashirilganlar
       *[all] hammasi
    }
web-catalog-none = Mos xizmat yoʻq.
web-catalog-pick = Tanlash
web-catalog-pick-one = { $id }-xizmatni tanlash
web-catalog-service = Xizmat
web-catalog-category = Boʻlim
web-catalog-cost = Paneldagi narx, 1000 tasi
web-catalog-price = Doʻkondagi narx
web-catalog-margin = Foyda
web-catalog-state = Koʻrinishi
web-catalog-markup-is = oʻz ustamasi { $markup } %
web-catalog-visible = koʻrinadi
web-catalog-hidden = yashirilgan
web-catalog-at-loss = yashirilgan: zarariga
web-catalog-bulk = Belgilangan xizmatlar bilan
web-catalog-bulk-markup = ustamani belgilash
web-catalog-bulk-category = boʻlim ustamasini qoʻllash
web-catalog-bulk-hide = yashirish
web-catalog-bulk-show = koʻrsatish
web-catalog-markup = Ustama, %
web-catalog-apply = Qoʻllash
web-catalog-done = Saqlandi ({ $count }).
web-catalog-none-picked = Avval kamida bitta xizmatni belgilang. Hech narsa oʻzgarmadi.
web-catalog-too-many = Bir martada koʻpi bilan { $max } ta xizmat. Hech narsa oʻzgarmadi.
