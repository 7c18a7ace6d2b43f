# Language
language-choose = 🌐 Выберите язык / Tilni tanlang / Choose your language
language-name = 🇷🇺 Русский
language-set = ✅ Язык: русский

# Main menu (reply keyboard)
menu-order = 🛒 Новый заказ
menu-search = 🔍 Поиск
menu-orders = 📦 Мои заказы
menu-balance = 💰 Баланс
menu-referrals = 👥 Рефералы
menu-promo = 🎁 Промокод
menu-help = ℹ️ Помощь
menu-language = 🌐 Язык

# Command menu
cmd-order = Новый заказ
cmd-search = Поиск услуг по названию
cmd-orders = Мои заказы
cmd-balance = Баланс
cmd-referrals = Реферальная ссылка и доход
cmd-promo = Ввести промокод
cmd-help = Помощь
cmd-language = Сменить язык
cmd-cancel = Отменить текущее действие

welcome =
    👋 Здравствуйте, <b>{ $name }</b>!

    Здесь можно заказать продвижение в соцсетях: подписчиков, лайки, просмотры и многое другое.
    Нажмите <b>🛒 Новый заказ</b>, чтобы выбрать услугу, или <b>💰 Баланс</b>, чтобы проверить счёт.
help =
    <b>Как это работает</b>

    1. 🛒 <b>Новый заказ</b> (/order): выберите категорию и услугу.
    2. Отправьте ссылку и количество.
    3. Проверьте цену и подтвердите: оплата спишется с вашего баланса.
    4. Когда статус заказа изменится, вам придёт сообщение.

    📦 /orders: ваши заказы; восстановление и отмена, если услуга их допускает.
    💰 /balance: ваш баланс.
    🌐 /language: сменить язык.
    /cancel: отменить текущее действие.
cancel-nothing = Отменять нечего. Выберите действие в меню.

# Wallet
balance-show = 💰 Ваш баланс: <b>{ $balance }</b>

# Errors
error-generic = ⚠️ Что-то пошло не так. Попробуйте ещё раз через минуту.
error-too-fast = ⏳ Слишком много запросов. Подождите несколько секунд.

# order (catalog browsing, order dialog, placement)
order-catalog-unavailable = ⚠️ Услуги временно недоступны. Попробуйте через несколько минут.
order-catalog-empty = Сейчас нет услуг для заказа.
order-categories = 🛒 <b>Выберите категорию</b> (страница { $page } из { $pages })
order-services =
    📂 <b>{ $category }</b>
    Выберите услугу (страница { $page } из { $pages }):
order-price-per-1000 = { $price } за 1000
order-service-gone = ⚠️ Эта услуга больше недоступна. Выберите другую.
order-button-expired = ⚠️ Эта кнопка больше не действует. Начните заново с /order.
order-back = ⬅️ Назад
order-button-order = 🛒 Заказать
order-card-price-per-1000 = 💵 Цена за 1000: <b>{ $price }</b>
order-card-price-flat = 💵 Цена: <b>{ $price }</b>
order-card-limits = 🔢 Минимум: { $min } · Максимум: { $max }
order-card-refill-yes = ♻️ Восстановление: есть
order-card-refill-no = ♻️ Восстановление: нет
order-card-cancel-yes = ✖️ Отмена: возможна
order-card-cancel-no = ✖️ Отмена: невозможна
order-ask-link = 🔗 Отправьте ссылку для <b>{ $service }</b> (например, https://t.me/channel).
order-ask-quantity = 🔢 Сколько нужно? Отправьте целое число от { $min } до { $max }.
order-ask-comments = 💬 Отправьте комментарии, каждый с новой строки: от { $min } до { $max } { COUNT($max) ->
        [one] строки
        [few] строк
        [many] строк
       *[other] строки
    }.
order-link-invalid = ⚠️ Это не ссылка. Отправьте ссылку, которая начинается с https://
order-link-too-long = ⚠️ Ссылка слишком длинная: максимум { $max } { COUNT($max) ->
        [one] символ
        [few] символа
        [many] символов
       *[other] символа
    }.
order-quantity-not-number = ⚠️ Отправьте целое число от { $min } до { $max }.
order-quantity-below-min = ⚠️ Слишком мало: минимум { $min } (максимум { $max }).
order-quantity-above-max = ⚠️ Слишком много: максимум { $max } (минимум { $min }).
order-comments-below-min = ⚠️ { $count } { COUNT($count) ->
        [one] комментарий
        [few] комментария
        [many] комментариев
       *[other] комментария
    }: нужно не меньше { $min } (и не больше { $max }).
order-comments-above-max = ⚠️ { $count } { COUNT($count) ->
        [one] комментарий
        [few] комментария
        [many] комментариев
       *[other] комментария
    }: можно не больше { $max } (и не меньше { $min }).
order-hint-link = ✍️ Отправьте ссылку текстом или нажмите /cancel, чтобы выйти.
order-hint-quantity = ✍️ Отправьте количество числом или нажмите /cancel, чтобы выйти.
order-hint-comments = ✍️ Отправьте комментарии текстом или нажмите /cancel, чтобы выйти.
order-button-cancel = ❌ Отмена
order-cancelled = ❌ Заказ отменён.
order-confirm-title = 🧾 <b>Проверьте заказ</b>
order-confirm-service = Услуга: <b>{ $service }</b>
order-confirm-link = Ссылка: { $link }
order-confirm-quantity = Количество: <b>{ $quantity }</b>
order-confirm-comments = Комментариев: <b>{ $count }</b>
order-confirm-price = Цена: <b>{ $price }</b>
order-confirm-balance = Ваш баланс: { $balance }
order-confirm-after = Баланс после заказа: { $after }
order-confirm-short = ⚠️ Не хватает средств: пополните баланс на <b>{ $shortfall }</b>, затем нажмите «Подтвердить».
order-button-confirm = ✅ Подтвердить
order-draft-cancelled = ❌ Заказ отменён. Деньги не списаны.
order-placing = ⏳ Оформляем заказ…
order-placed =
    ✅ <b>Заказ принят!</b>
    Номер заказа: <b>#{ $id }</b>
    ID заказа в панели: <code>{ $panelId }</code>
    Когда статус изменится, вам придёт сообщение. Ваши заказы: /orders
order-not-found = ⚠️ Этот заказ больше недоступен. Начните новый с /order.
order-already-done = ℹ️ Этот заказ уже оформлен или отменён.
order-funds =
    💰 На балансе недостаточно средств.
    Цена: <b>{ $price }</b>
    Баланс: { $balance }
    Не хватает: <b>{ $shortfall }</b>
    Пополните баланс и снова нажмите «✅ Подтвердить».
order-failed-unavailable = ⚠️ Сервис временно недоступен. Деньги вернулись на ваш баланс. Попробуйте позже.
order-failed-quantity = ⚠️ Количество не принято: { $message }. Деньги вернулись на ваш баланс.
order-failed-link = ⚠️ Ссылка не принята. Проверьте, что она верная, а страница открыта для всех. Деньги вернулись на ваш баланс.
order-failed-active = ⚠️ По этой ссылке ещё выполняется другой заказ. Закажите снова, когда он завершится. Деньги вернулись на ваш баланс.
order-failed-service = ⚠️ Эта услуга больше недоступна. Деньги вернулись на ваш баланс.
order-failed-other = ⚠️ Заказ отклонён: { $message }. Деньги вернулись на ваш баланс.
order-failed-unreachable = ⚠️ Не удалось связаться с сервисом. Деньги вернулись на ваш баланс. Попробуйте позже.
order-unknown = ⏳ По заказу #{ $id } не пришёл ответ. Мы его проверяем: до тех пор деньги зарезервированы, а о результате вам придёт сообщение.
order-recovered-refunded = ↩️ Заказ #{ $id } ({ $service }) прервался до отправки. Деньги вернулись на ваш баланс.
order-recovered-unknown = ⏳ Заказ #{ $id } ({ $service }) прервался, мы его проверяем. До тех пор деньги зарезервированы.
alert-unknown-order =
    У заказа #{ $id } (пользователь { $user }) неизвестен результат: { $reason }
    Услуга: { $service }
    Ссылка: { $link }
    Цена: { $price }
    Деньги зарезервированы. Проверьте панель и закройте заказ вручную.
alert-panel-funds = На счёте панели закончились деньги, заказы отклоняются ({ $message }). Пополните баланс панели.
alert-panel-key = Панель не принимает API-ключ или аккаунт: { $message }. Проверьте PANEL_API_KEY и аккаунт в панели.

# orders (My orders: list, details, refill, cancel)
orders-empty = 📦 У вас пока нет заказов. Нажмите 🛒 Новый заказ или отправьте /order, чтобы сделать первый.
orders-list-title = 📦 <b>Ваши заказы</b> (страница { $page } из { $pages })
orders-list-line = <b>#{ $id }</b> · <code>{ $panelId }</code> · { $service } · { $quantity } · { $status }
orders-list-hint = Нажмите на заказ, чтобы посмотреть подробности.
orders-status-pending = ⏳ Ожидает
orders-status-in-progress = 🔄 Выполняется
orders-status-processing = ⚙️ Обрабатывается
orders-status-completed = ✅ Выполнен
orders-status-partial = 🌗 Выполнен частично
orders-status-canceled = ❌ Отменён
orders-status-refunded = ↩️ Деньги возвращены
orders-status-failed = ⚠️ Не выполнен
orders-status-active = 🟢 Активен
orders-status-unknown = ❔ { $raw }
orders-status-checking = 🔎 Проверяется
orders-status-not-placed = ↩️ Не оформлен, деньги возвращены
orders-status-placing = ⏳ Оформляется
orders-refill-status-pending = ⏳ ожидает
orders-refill-status-in-progress = 🔄 выполняется
orders-refill-status-completed = ✅ выполнено
orders-refill-status-rejected = ❌ отклонено
orders-refill-status-failed = ⚠️ не выполнено
orders-refill-status-canceled = ❌ отменено
orders-refill-status-unknown = ❔ { $raw }
orders-details-title = 📦 <b>Заказ #{ $id }</b>
orders-details-panel-id = 🆔 ID заказа в панели: <code>{ $panelId }</code>
orders-details-service = 🛍 Услуга: <b>{ $service }</b>
orders-details-link = 🔗 Ссылка: { $link }
orders-details-quantity = 🔢 Количество: { $quantity }
orders-details-price = 💵 Оплачено: { $price }
orders-details-status = 📊 Статус: <b>{ $status }</b>
orders-details-start-count = ▶️ Было на старте: { $count }
orders-details-remains = ⏳ Осталось: { $count }
orders-details-refunded = ↩️ Возвращено на баланс: { $amount }
orders-details-refill = ♻️ Восстановление { $refillId }: { $status }
orders-details-panel-error = ⚠️ Примечание сервиса: { $message }
orders-details-created = 🕒 Дата заказа: { $date }
orders-details-updated = 🕓 Последнее изменение: { $date }
orders-details-live = 🔄 Текущий статус от сервиса, проверено { $date }.
orders-button-refill = ♻️ Восстановить
orders-button-cancel = ❌ Отменить
orders-button-refresh = 🔄 Обновить
orders-button-back = ⬅️ Назад
orders-button-cancel-confirm = ✅ Да, отменить
orders-button-cancel-keep = ⬅️ Нет, оставить
orders-cancel-ask =
    ❓ Отменить заказ <b>#{ $id }</b> ({ $service })?
    Если сервис подтвердит отмену, неизрасходованные деньги вернутся на ваш баланс и вам придёт сообщение.
orders-sending = ⏳ Отправляем запрос…
orders-not-found = ⚠️ Заказ не найден.
orders-not-placed = ℹ️ Этот заказ не был передан сервису, поэтому с ним ничего нельзя сделать.
orders-busy = ⏳ Этот запрос уже отправляется. Подождите немного.
orders-already-requested = ℹ️ Этот запрос уже отправлен. Когда он будет выполнен, вам придёт сообщение.
orders-refill-not-available = ♻️ У этой услуги нет восстановления.
orders-refill-not-completed = ♻️ Восстановление возможно только после выполнения заказа.
orders-refill-in-progress = ♻️ Восстановление этого заказа уже идёт.
orders-refill-requested = ✅ Восстановление запрошено (ID { $refillId }). Когда оно будет выполнено, вам придёт сообщение.
orders-cancel-not-available = У этой услуги заказ отменить нельзя.
orders-cancel-final = Этот заказ уже завершён, отменить его нельзя.
orders-cancel-requested = ✅ Отмена запрошена. Когда сервис её подтвердит, неизрасходованные деньги вернутся на ваш баланс и вам придёт сообщение.
orders-panel-refill-disabled = ⚠️ Сервис не разрешает восстановление этого заказа.
orders-panel-not-completed = ⚠️ По данным сервиса, заказ ещё не выполнен, поэтому восстановить его пока нельзя.
orders-panel-incorrect-order = ⚠️ Сервис не узнаёт этот заказ. Обратитесь в поддержку.
orders-panel-cancel-disabled = ⚠️ Сервис не разрешает отменить этот заказ.
orders-panel-not-cancelable = ⚠️ По данным сервиса, этот заказ уже нельзя отменить.
orders-panel-unavailable = ⚠️ Сервис временно недоступен. Попробуйте позже.
orders-panel-other = ⚠️ Ответ сервиса: { $message }
# panel dialects
orders-panel-refill-cooldown = ⏳ Восстановление по этому заказу уже недавно запрашивали. Сервис разрешает следующее только через некоторое время — попробуйте позже.
orders-panel-refill-cooldown-wait = ⏳ Восстановление по этому заказу уже недавно запрашивали. Следующее можно запросить через { $wait }.
orders-panel-action-unsupported = ⚠️ Сервис, с которым работает магазин, не поддерживает это действие.
orders-unreachable = ⚠️ Не удалось связаться с сервисом. Попробуйте позже.
orders-unconfirmed = ⏳ Не удалось подтвердить, что запрос прошёл. Проверьте заказ чуть позже.

# fallback (messages and buttons nothing else handled)
fallback-not-understood = 🤔 Извините, я вас не понял. Воспользуйтесь меню ниже или /help.
fallback-unknown-command = 🤔 Такой команды нет. Воспользуйтесь меню ниже или /help.
fallback-media = 🤔 Стикеры, фото и файлы здесь не принимаются. Воспользуйтесь меню ниже или /help.
fallback-button-expired = ⌛ Эта кнопка больше не активна. Откройте меню заново.
fallback-private-only = 👋 Я работаю только в личном чате. Напишите мне: @{ $bot }.

# admin
admin-not-allowed = 🔒 Извините, это доступно только администраторам магазина.
admin-cmd-order = Новый заказ · /order ID: данные любого заказа
admin-cmd-promo = Ввести промокод · /promo create|list|disable: промокоды
admin-cmd-topup = Пополнить или списать баланс пользователя
admin-cmd-user = Баланс и заказы пользователя
admin-cmd-settle = Закрыть заказ с неизвестным результатом
admin-cmd-stats = Статистика магазина
admin-cmd-broadcast = Рассылка всем пользователям (ответом на сообщение)
admin-cmd-approve = Подтвердить чек пополнения (ID, сумма по желанию)
admin-cmd-refundstars = Вернуть платёж в Telegram Stars
admin-balance-panel = 🏦 Баланс панели: <b>{ $balance }</b>
admin-balance-wallets = 👛 На балансах пользователей: <b>{ $total }</b>
admin-balance-low = ⚠️ На балансе панели меньше, чем у пользователей на балансах: пополните панель хотя бы на <b>{ $shortfall }</b>, иначе заказы будут отклоняться.
admin-balance-currency = ℹ️ Панель считает в { $panelCurrency }, а балансы пользователей — в { $currency }: сравните их сами.
admin-balance-panel-refused = ⚠️ Панель отклонила запрос баланса: { $message }
admin-balance-panel-unreachable = ⚠️ Панель не ответила на запрос баланса.
admin-repeated = ℹ️ Эта команда уже выполнена.
admin-user-unknown = ⚠️ Пользователь <code>{ $user }</code> ещё не запускал этого бота.
admin-topup-usage =
    Использование: <code>/topup USER_ID СУММА</code>
    Отрицательная сумма списывает деньги с баланса, но не ниже нуля.
    Примеры: <code>/topup 123456789 10.5</code> · <code>/topup 123456789 -3</code>
admin-topup-credited = ✅ Пользователю <code>{ $user }</code> зачислено <b>{ $amount }</b>. Его баланс: <b>{ $balance }</b>.
admin-topup-debited = ✅ С баланса пользователя <code>{ $user }</code> списано <b>{ $taken }</b> (запрошено: { $asked }). Его баланс: <b>{ $balance }</b>.
admin-topup-empty = ℹ️ Баланс пользователя <code>{ $user }</code> пуст: ничего не списано.
admin-topup-user-credited = 💰 На ваш баланс зачислено <b>{ $amount }</b>. Баланс: <b>{ $balance }</b>.
admin-topup-user-debited = 💰 Администратор списал с вашего баланса <b>{ $amount }</b>. Баланс: <b>{ $balance }</b>.
admin-user-usage = Использование: <code>/user USER_ID</code>
admin-user-card =
    👤 <b>Пользователь <code>{ $user }</code></b> { $name }
    🌐 Язык: { $language }
    { $blocked ->
        [yes] 🚫 Заблокировал бота
       *[no] ✅ Получает сообщения
    }
    🕓 Впервые: { $created } · последний раз: { $seen }
    💰 Баланс: <b>{ $balance }</b>
    📦 Заказы: { $orders }
admin-user-language-none = не выбран
admin-user-ledger = <b>Последние операции по балансу</b>
admin-user-ledger-empty = Операций по балансу пока нет.
admin-ledger-row = { $date } · <b>{ $amount }</b> → { $balance } · { $reason }
admin-ledger-reason = { $reason ->
        [order] заказ #{ $order }
        [refund] возврат за заказ #{ $order }
        [admin] администратор { $admin }
        [payment] оплата
        [payment_refund] возврат платежа
        [settle] закрытие заказа #{ $order }
        [referral] реферальное вознаграждение за заказ #{ $order }
        [promo] промокод
       *[other] { $reason }
    }
admin-totals-placed = размещено: { $count }
admin-totals-failed = не размещено: { $count }
admin-totals-unknown = ждут /settle: { $count }
admin-totals-placing = размещаются: { $count }
admin-totals-none = нет
admin-status = { $status ->
        [pending] ожидает
        [in_progress] выполняется
        [processing] обрабатывается
        [completed] выполнен
        [partial] выполнен частично
        [canceled] отменён
        [refunded] возвращён
        [failed] ошибка
        [active] активен
       *[other] неизвестно
    }
admin-placement = { $placement ->
        [draft] черновик (не подтверждён)
        [reserved] оплачен, ещё не отправлен
        [sending] отправляется
        [placed] размещён
        [failed] не размещён, деньги возвращены
       *[unknown] результат неизвестен, ждёт /settle
    }
admin-order-not-found = ⚠️ Заказ { $id } не найден.
admin-order-title = 🧾 <b>Заказ #{ $id }</b> · { $placement }
admin-order-user = 👤 Пользователь <code>{ $user }</code> { $name }
admin-order-service = 🛍 { $service } (услуга { $serviceId })
admin-order-link = 🔗 { $link }
admin-order-quantity = 🔢 Количество: { $quantity }
admin-order-price = 💵 Оплачено: <b>{ $price }</b> · цена панели: { $rate }
admin-order-panel = 🆔 Заказ в панели: <code>{ $panelId }</code> · статус: { $status }
admin-order-progress = Было на старте: { $start } · осталось: { $remains }
admin-order-charge = Списано панелью: { $charge }
admin-order-refunded = Возвращено пользователю: { $refunded }
admin-order-reason = ⚠️ { $reason }
admin-order-dates = 🕓 Создан { $created } · обновлён { $updated }
admin-order-settle-hint = Закрыть: <code>/settle { $id } PANEL_ORDER_ID</code> или <code>/settle { $id } refund</code>
admin-order-live = 🔄 В панели сейчас: <b>{ $status }</b> · осталось: { $remains } · списано: { $charge }
admin-order-live-refused = 🔄 Ответ панели: ⚠️ { $message }
admin-order-live-unreachable = 🔄 Панель не ответила.
admin-settle-usage =
    Использование: <code>/settle ORDER_ID PANEL_ORDER_ID</code>, если заказ есть в панели, или <code>/settle ORDER_ID refund</code>, если его там нет.
    Заказы, которые ждут закрытия: { $waiting }
admin-settle-waiting-more = { $ids } и ещё { $count }
admin-settle-not-unknown = ℹ️ Заказ #{ $id } не ждёт закрытия: { $placement }.
admin-settle-panel-id-taken = ⚠️ Заказ панели <code>{ $panelId }</code> уже привязан к заказу #{ $other }.
admin-settle-placed = ✅ Заказ #{ $id } записан как заказ панели <code>{ $panelId }</code>, теперь его статус отслеживается. Пользователь уведомлён.
admin-settle-refunded = ✅ Заказ #{ $id } записан как неразмещённый: пользователю <code>{ $user }</code> возвращено { $amount }, он уведомлён.
admin-settle-user-placed = ✅ Ваш заказ #{ $id } ({ $service }) размещён. Когда его статус изменится, вам придёт сообщение.
admin-settle-user-refunded = ↩️ Ваш заказ #{ $id } ({ $service }) не удалось разместить. На ваш баланс возвращено { $amount }.
admin-stats =
    📊 <b>Статистика магазина</b>
    👥 Пользователи: <b>{ $users }</b>

    <b>Сегодня ({ $day }, UTC)</b>
    📦 { $todayOrders }
    💵 Оборот { $todayTurnover } · возвраты { $todayRefunded } · маржа { $todayMargin }

    <b>За всё время</b>
    📦 { $totalOrders }
    💵 Оборот { $totalTurnover } · возвраты { $totalRefunded } · маржа { $totalMargin }

    ℹ️ Оборот: сколько пользователи заплатили за размещённые заказы, за вычетом возвратов. Маржа: оборот минус затраты на панель, то есть списание, о котором сообщила панель, а без него — сохранённая в заказе цена × количество (считается по каждому заказу, а не оценивается по сегодняшней наценке).
admin-broadcast-usage = Ответьте командой <code>/broadcast</code> на сообщение, которое должны получить все пользователи: оно будет скопировано как есть (текст, фото, видео…).
admin-broadcast-same-source = ℹ️ Это сообщение сегодня уже рассылалось (#{ $id }): ничего не отправлено. Чтобы ещё раз отправить его всем пользователям, ответьте на него командой <code>/broadcast again</code>.
admin-broadcast-started = 📣 Рассылка #{ $id } запущена для { $users } { COUNT($users) ->
        [one] пользователя
        [few] пользователей
        [many] пользователей
       *[other] пользователя
    }.
admin-broadcast-progress = 📣 Рассылка #{ $id }: в очереди { $queued } из { $users } · ✅ доставлено: { $delivered } · 🚫 заблокировали: { $blocked } · ⚠️ ошибок: { $failed } · ❔ возможно, доставлено: { $maybe }
admin-broadcast-done = 📣 Рассылка #{ $id } завершена: ✅ доставлено: { $delivered } · 🚫 заблокировали бота: { $blocked } · ⚠️ ошибок: { $failed } · ❔ возможно, доставлено: { $maybe } (отправка прервалась, повторно не отправлялось) · пропущено: { $skipped } (заблокировали бота раньше).

# topup (wallet top-ups: Telegram Payments, Stars, receipts; payment support and terms)
topup-button = ➕ Пополнить
topup-unavailable = ℹ️ Чтобы пополнить баланс, напишите администратору.
topup-choose-method =
    ➕ <b>Пополнение баланса</b>
    Выберите способ оплаты:
topup-method-provider = 💳 Оплата картой ({ $currency })
topup-method-stars = ⭐ Telegram Stars
topup-method-manual = 🧾 Перевод и чек
topup-button-cancel = ❌ Отмена
topup-button-expired = ⚠️ Эта кнопка больше не действует. Откройте 💰 Баланс заново.
topup-cancelled = ❌ Пополнение отменено.
topup-provider-ask =
    💳 <b>Оплата картой</b>
    Курс: 1 { $currency } = { $rate }

    На какую сумму пополнить? Выберите сумму или отправьте число от { $min } до { $max }.
topup-stars-ask =
    ⭐ <b>Telegram Stars</b>
    1 ⭐ = { $rate }

    Сколько звёзд? Выберите или отправьте целое число от { $min } до { $max }.
topup-manual-ask =
    🧾 <b>Перевод и чек</b>

    Переведите деньги по реквизитам:
    { $details }

    Затем отправьте сюда сумму перевода в { $currency }: от { $min } до { $max }.
topup-amount-not-number = ⚠️ Отправьте сумму числом, например 10 или 12,5: от { $min } до { $max }. Чтобы отменить, отправьте /cancel.
topup-amount-below-min = ⚠️ Слишком мало: минимум { $min } (максимум { $max }).
topup-amount-above-max = ⚠️ Слишком много: максимум { $max } (минимум { $min }).
topup-stars-invalid = ⚠️ Отправьте целое число звёзд от { $min } до { $max }. Чтобы отменить, отправьте /cancel.
topup-manual-ask-receipt = 📎 Теперь отправьте фото или файл чека на { $amount }.
topup-receipt-hint = 📎 Отправьте чек фотографией или файлом либо нажмите /cancel, чтобы выйти.
topup-receipt-sent = ✅ Чек <code>{ $id }</code> отправлен на проверку. Как только администратор примет решение, вам придёт сообщение.
topup-receipt-album = ℹ️ Вы отправили альбом: администраторам ушёл его первый файл как чек. Если важны и остальные, отправьте их через /paysupport.
topup-invoice-title = Пополнение баланса
topup-invoice-description = На ваш баланс в этом боте будет зачислено { $amount }.
topup-invoice-label = Пополнение на { $amount }
topup-invoice-failed = ⚠️ Сейчас не удалось подготовить оплату. Попробуйте позже или выберите другой способ пополнения.
topup-checkout-unknown = Этот счёт больше не действует. Запросите новый в разделе 💰 Баланс.
topup-checkout-foreign = Этот счёт выставлен другому пользователю.
topup-checkout-paid = Этот счёт уже оплачен.
topup-checkout-expired = Срок действия этого счёта истёк. Запросите новый в разделе 💰 Баланс.
topup-checkout-mismatch = Сумма не совпадает со счётом. Запросите новый в разделе 💰 Баланс.
topup-credited =
    ✅ Оплата получена: <b>+{ $amount }</b>
    💰 Баланс: <b>{ $balance }</b>
topup-payment-unmatched = ⚠️ Ваш платёж поступил, но его не удалось связать с пополнением. Администраторы уже знают об этом; если они с вами не свяжутся, напишите /paysupport. ID платежа: <code>{ $charge }</code>
topup-admin-payment-unmatched =
    ⚠️ Платёж не удалось связать с пополнением, он не зачислен.
    Пользователь: { $user }
    Оплачено: { $total }
    ID платежа: <code>{ $charge }</code>
    Проверьте его и поправьте баланс вручную.
topup-payment-failed = ⚠️ Ваш платёж поступил, но бот не смог сразу зачислить его. Администраторы уже знают и зачислят его вручную; если деньги скоро не появятся на балансе, напишите /paysupport. ID платежа: <code>{ $charge }</code>
topup-admin-payment-failed =
    ⚠️ Платёж поступил, но не зачислен: хранилище бота трижды не ответило (подробности в журнале).
    Пользователь: { $user }
    Оплачено: { $total }
    ID платежа: <code>{ $charge }</code>
    Зачислите сумму вручную командой /topup.
topup-receipt-admin =
    🧾 <b>Чек { $id }</b>
    От: { $user }
    Сумма: <b>{ $amount }</b>

    Чтобы зачислить другую сумму: <code>/approve { $id } СУММА</code>
topup-receipt-admin-note = 💬 Клиент написал: <i>{ $note }</i>
topup-receipt-approve = ✅ Подтвердить
topup-receipt-reject = ❌ Отклонить
topup-receipt-approved-by = ✅ Подтвердил { $admin }: { $amount }
topup-receipt-rejected-by = ❌ Отклонил { $admin }
topup-receipt-done-approved = ✅ Подтверждён
topup-receipt-done-rejected = ❌ Отклонён
topup-receipt-already = Решение уже принял { $admin }.
topup-receipt-not-found = ⚠️ Чек { $id } не найден.
topup-receipt-user-approved =
    ✅ Чек { $id } подтверждён: на ваш баланс зачислено <b>+{ $amount }</b>.
    💰 Баланс: <b>{ $balance }</b>
topup-receipt-user-rejected = ❌ Чек { $id } не подтверждён. Если вы считаете, что это ошибка, напишите /paysupport.
topup-approve-usage = Использование: <code>/approve ЧЕК СУММА</code>, например <code>/approve K7Q2M9XP 12.5</code>. Без суммы зачисляется та, которую указал пользователь.
topup-approve-done = ✅ Чек { $id } подтверждён: пользователю { $user } зачислено { $amount }.
topup-approve-already = ℹ️ Чек { $id }: { $decision }
topup-refund-usage = Использование: <code>/refundstars USER_ID CHARGE_ID</code>. Добавьте в конце <code>force</code>, чтобы вернуть платёж, даже если на балансе уже нет этой суммы.
topup-refund-not-found = ⚠️ У пользователя { $user } нет платежа в Stars <code>{ $charge }</code>.
topup-refund-already-done = ℹ️ Этот платёж уже возвращён.
topup-refund-already-started = ⚠️ Возврат этого платежа начался, но не завершился. Проверьте баланс пользователя и поправьте его вручную.
topup-refund-short = ⚠️ На балансе { $balance }, это меньше, чем { $amount }, зачисленные этим платежом. Чтобы всё равно вернуть платёж и списать то, что есть: <code>/refundstars { $user } { $charge } force</code>
topup-refund-failed = ⚠️ Telegram не вернул платёж: { $reason }
topup-refund-uncertain = ⚠️ Telegram не дал ясного ответа ({ $reason }): звёзды могли вернуться, а могли и нет. С кошелька ничего не списано. Позже выполните <code>/refundstars { $user } { $charge }</code> ещё раз: бот спросит Telegram и спишет деньги, только когда возврат подтвердится.
topup-refund-done = ✅ Пользователю { $user } возвращено ⭐ { $stars }; с баланса списано { $taken } (баланс: { $balance }).
topup-refund-done-short = ✅ Пользователю { $user } возвращено ⭐ { $stars }. На балансе было только { $taken } из { $amount }: остальное списать не удалось (баланс: { $balance }).
topup-refund-user =
    ↩️ Ваш платёж на ⭐ { $stars } возвращён. С баланса списано { $taken }.
    💰 Баланс: { $balance }
topup-cmd-paysupport = Помощь с оплатой
topup-cmd-terms = Условия оплаты
topup-paysupport =
    💬 <b>Помощь с оплатой</b>

    Опишите проблему одним сообщением, которое начинается с /paysupport, например:
    <code>/paysupport Оплатил 50 000 UZS в 14:05, но баланс не изменился</code>
    Укажите дату, сумму и ID платежа, если он есть. Администратор свяжется с вами.
topup-paysupport-sent = ✅ Ваше сообщение отправлено администраторам. Они свяжутся с вами.
topup-paysupport-unavailable = ⚠️ Помощь с оплатой в этом боте пока не настроена.
topup-paysupport-admin =
    💬 Обращение в <b>помощь с оплатой</b> от { $user }:

    { $text }
topup-terms =
    📄 <b>Условия оплаты</b>

    • Пополнения зачисляются на ваш баланс в этом боте в { $currency } и тратятся на заказы здесь же.
    • Оплата картой и в Telegram Stars пересчитывается в { $currency } по курсу, показанному до оплаты; результат округляется вниз до 0,00001 { $currency }.
    • Перевод с чеком зачисляется после того, как администратор проверит чек, на сумму, которая фактически поступила.
    • Если заказ не выполнен или отменён, его стоимость возвращается на ваш баланс.
    • Деньги с баланса не выводятся. Если вы оплатили по ошибке, напишите /paysupport.

# tracking (order status and refill notifications, poller alerts)
tracking-order-title = 📦 Заказ <b>#{ $id }</b> · ID в панели <code>{ $panelId }</code>
tracking-order-service = 🛍 { $service }
tracking-order-status = 📊 Новый статус: <b>{ $status }</b>
tracking-status = { $status ->
        [pending] ⏳ Ожидает
        [in_progress] 🔄 Выполняется
        [processing] ⚙️ Обрабатывается
        [completed] ✅ Выполнен
        [partial] 🌗 Выполнен частично
        [canceled] ❌ Отменён
        [refunded] ↩️ Деньги возвращены
        [failed] ⚠️ Не выполнен
        [active] 🟢 Активен
       *[other] ❔ { $raw }
    }
tracking-order-delivered = 📈 Выполнено: { $delivered } из { $quantity }
tracking-order-refunded = ↩️ На ваш баланс возвращено <b>{ $amount }</b>.
tracking-order-refund-checking = ↩️ Возврат за невыполненную часть проверит администратор.
tracking-refill-completed =
    ♻️ <b>Восстановление выполнено</b>
    📦 Заказ <b>#{ $id }</b> · ID в панели <code>{ $panelId }</code>
    🛍 { $service }
tracking-refill-ended =
    ♻️ <b>Восстановление не выполнено</b>: { $status }
    📦 Заказ <b>#{ $id }</b> · ID в панели <code>{ $panelId }</code>
    🛍 { $service }
tracking-refill-status = { $status ->
        [rejected] сервис отклонил запрос
        [canceled] отменено
       *[other] произошла ошибка
    }
tracking-alert-stuck-order = Заказ #{ $id } (заказ панели { $panelId }, пользователь { $user }) больше не отслеживается: { $reason }. Проверьте его в панели: /order { $id }
tracking-alert-panel-down = Панель уже { $minutes } { COUNT($minutes) ->
        [one] минуту
        [few] минуты
        [many] минут
       *[other] минуты
    } не отвечает на проверки статуса ({ $reason }). Отслеживание заказов возобновится само, как только она ответит.

## Магазин владельца: цена изменилась при подтверждении, сводка обновления каталога, экраны админов
order-repriced = ⚠️ С тех пор как вы видели заказ, цена изменилась: было { $old }, стало <b>{ $new }</b>. Деньги не списаны: проверьте заказ ещё раз и подтвердите.
digest-title = 🔄 <b>Каталог панели изменился</b>
digest-at-loss = ⛔ Скрыты: фиксированная цена больше не покрывает себестоимость (или минимальную наценку): { $count }
digest-lost-categories = 🏷 Категории, которые вы настраивали, пропали из списка панели (переименованы или опустели: их скрытие, наценка, закрепление и названия больше не действуют; настройте новые заново): { $count }
digest-rates = 💱 Изменились цены панели: { $count }
digest-rate-line = { $service }: { $old } → { $new } ({ $percent })
digest-added = ➕ Новые услуги: { $count }
digest-removed = ➖ Удалённые услуги: { $count }
digest-limits = 📏 Изменились мин./макс.: { $count }
digest-limit-line = { $service }: { $old } → { $new }
digest-more = …и ещё { $count } (см. /catalog).
admin-cmd-catalog = Каталог магазина: скрыть, переименовать, задать цену (слова или номер — поиск)
admin-cmd-rate = Курс валюты магазина
admin-cmd-pricing = Общая наценка, шаг округления, минимальная наценка и сумма заказа
admin-cmd-audit = Последние изменения в магазине
shop-catalog-title = 🗂 <b>Каталог магазина</b>: категорий — { $categories }, видно покупателям — { $visible } (страница { $page } из { $pages }). ✅ видна, 🚫 скрыта.
shop-search-found = 🔎 Найдено по запросу «{ $query }»: { $count }
shop-search-none = 🔎 По запросу «{ $query }» ничего не найдено. Попробуйте номер услуги или другие слова.
shop-panel-name = Название в панели: { $name }
shop-state-visible = ✅ Видна покупателям
shop-state-hidden = 🚫 Скрыта от покупателей
shop-state-at-loss = ⛔ Скрыта автоматически: фиксированная цена не покрывает себестоимость
shop-markup-own = Наценка: <b>{ $markup }</b> (своя)
shop-markup-global = Наценка: { $markup } (общая)
shop-pin = Закреплена на месте: { $pin }
shop-services-count = Видно услуг: { $visible } из { $total }
shop-names = Свои названия (— как в панели):
shop-none = нет
shop-per-1000 = за 1000
shop-mode-category = Цена: как у категории ({ $markup })
shop-mode-markup = Цена: своя наценка <b>{ $markup }</b>
shop-mode-fixed = Цена: фиксированная <b>{ $price }</b>
shop-cost-line = Себестоимость: { $cost } = { $costInShop } · Цена в магазине: <b>{ $price }</b> · Маржа: { $margin } ({ $percent })
shop-button-show = ✅ Показать
shop-button-hide = 🚫 Скрыть
shop-button-markup = Наценка %
shop-button-pin = Закрепить
shop-button-fixed = Фикс. цена
shop-button-follow = Как у категории
shop-button-rename = Название ({ $language })
shop-button-describe = Описание ({ $language })
shop-saved = ✅ Сохранено.
shop-ask = ✏️ { $what ->
        [cm] Отправьте наценку категории в процентах (например, 25) или -, чтобы вернуть общую.
        [cp] Отправьте место, на котором закрепить категорию (1 — первая), или -, чтобы открепить.
        [cn] Отправьте название категории на языке «{ $language }» или -, чтобы вернуть название из панели.
        [sm] Отправьте свою наценку услуги в процентах (например, 40) или -, чтобы цена шла от категории.
        [sf] Отправьте фиксированную цену за 1000 (за пакет — для пакетов) в валюте магазина или -, чтобы цена шла от категории.
        [sn] Отправьте название услуги на языке «{ $language }» или -, чтобы вернуть название из панели.
       *[sd] Отправьте описание услуги на языке «{ $language }» или -, чтобы вернуть описание из панели.
    } /cancel — оставить как есть.
shop-input-again = Отправьте другое значение или /cancel.
shop-input-cancelled = Ничего не изменено.
shop-error = ⚠️ { $error ->
        [not_number] Это не число. Введите цифры, например 25 или 12,5.
        [too_big] Слишком большое число.
        [not_positive] Значение должно быть больше 0.
        [too_long] Слишком длинный текст.
        [empty] Текст пустой.
        [unknown_category] Этой категории больше нет в каталоге панели.
        [unknown_service] Этой услуги больше нет в каталоге панели.
        [same_currency] Магазин продаёт в валюте панели: курс задавать не нужно.
       *[invalid] Это значение не подходит.
    } Ничего не изменено.
shop-rate-show = 💱 1 { $panelCurrency } = <b>{ $rate }</b> (задал { $by }, { $at } UTC)
shop-rate-missing = 💱 Курс ещё не задан: покупатели не смогут заказывать, пока вы не укажете, сколько { $currency } стоит один { $panelCurrency }.
shop-rate-history = Прежние курсы:
shop-rate-usage = Чтобы задать: <code>/rate 12650</code>
shop-rate-same-currency = 💱 Магазин продаёт в валюте панели ({ $currency }): курс не нужен. Чтобы продавать в другой валюте, задайте SHOP_CURRENCY.
shop-unavailable-rate = ⚠️ Цены в каталоге пока не посчитать: задайте курс командой /rate (или список услуг панели недоступен).
shop-pricing-show = 🏷 <b>Цены</b>
    Общая наценка: <b>{ $markup }</b>
    Шаг округления: { $step }
    Минимальная наценка фиксированных цен: { $margin }
    Минимальная сумма заказа: { $min }
shop-pricing-usage = Чтобы изменить: <code>/pricing markup 25</code>, <code>/pricing step 100</code>, <code>/pricing margin 5</code>, <code>/pricing min 1000</code> (0 убирает шаг или минимум).
shop-audit-title = 📜 <b>Последние изменения</b> ({ $shown } из { $total })
shop-audit-row = { $at } · { $who } · <b>{ $what }</b>: { $old } → { $new }
shop-audit-empty = 📜 Изменений пока нет.
admin-balance-wallets-converted = ≈ { $total } по курсу магазина

## Сверка (/reconcile и ежедневная проверка)
admin-cmd-reconcile = Сверить кошельки, журналы и заказы
reconcile-working = 🔎 Сверяю кошельки, журналы операций и заказы…
reconcile-clean = ✅ <b>Сверка: всё сходится</b>
reconcile-off = ⚠️ <b>Сверка нашла расхождения: { $count }</b>
reconcile-summary =
    👥 Клиентов: { $customers } · заказов: { $orders }
    👛 На кошельках клиентов: { $wallets }
    🏦 Баланс панели: { $panel }
reconcile-panel-unavailable = недоступен ({ $reason })
reconcile-wallet = Пользователь { $user }: на кошельке { $wallet }, а по журналу операций выходит { $ledger }
reconcile-ledger-gap = Пользователь { $user }: запись журнала до { $at } пропала или изменена
reconcile-charge-missing = Заказ #{ $id } (пользователь { $user }): списания за него нет в журнале
reconcile-charge-repeated = Заказ #{ $id } (пользователь { $user }): списан больше одного раза (записей: { $count })
reconcile-charge-amount = Заказ #{ $id } (пользователь { $user }): по журналу списано { $ledger }, а цена заказа { $price }
reconcile-refund-mismatch = Заказ #{ $id } (пользователь { $user }): возвраты в журнале { $ledger }, а должно быть { $expected }
reconcile-orphan-entry = Пользователь { $user }: в журнале есть запись по заказу #{ $id }, которого у него нет
reconcile-stuck = Заказ #{ $id } (пользователь { $user }): { $placement ->
        [reserved] деньги зарезервированы, заказ так и не отправлен
        [sending] отправлен в панель, ответа нет
       *[other] результат неизвестен, ждёт /settle
    } с { $since }
reconcile-panel-short = Баланс панели ({ $panel }) меньше, чем лежит на кошельках клиентов ({ $wallets })
reconcile-more = Ещё расхождений: { $count } (все они есть в логе).
reconcile-capped = Журналы, дошедшие до предельного размера, проверены от перенесённого остатка: пользователи { $users }

## Рефералы
referral-screen =
    👥 <b>Приглашайте друзей</b>

    С каждого заказа приглашённого вами друга вы получаете на баланс <b>{ $percent }%</b> от оплаченной суммы (за вычетом возвратов).

    Ваша личная ссылка:
    { $link }

    Пришли по вашей ссылке: <b>{ $invited }</b>
    Заработано: <b>{ $earned }</b>
referral-off = 👥 Реферальная программа сейчас не действует.
referral-joined = 👥 По вашей ссылке в магазин пришёл новый покупатель: { $name }. С его заказов вы будете получать свою долю.
referral-reward = 💸 Реферальное вознаграждение: <b>{ $amount }</b> за заказ #{ $order } приглашённого вами друга. Сумма зачислена на баланс.

## Промокоды
promo-ask = 🎁 Отправьте промокод одним сообщением (или /cancel).
promo-cancelled = Ввод промокода отменён.
promo-credited = 🎁 Промокод <code>{ $code }</code> применён: на баланс зачислено <b>{ $amount }</b>. Баланс: { $balance }
promo-discount-held = 🎁 Промокод <code>{ $code }</code> применён: { $terms }. Скидку вы увидите при подтверждении следующего заказа.
promo-other-held = ⚠️ У вас уже есть скидка на следующий заказ (<code>{ $code }</code>: { $terms }). Сначала воспользуйтесь ею, потом вводите другой промокод.
promo-unknown = ❌ Промокода <code>{ $code }</code> нет. Проверьте написание и попробуйте ещё раз.
promo-disabled = ❌ Промокод <code>{ $code }</code> больше не действует.
promo-expired = ⌛ Срок действия промокода <code>{ $code }</code> истёк.
promo-already = ℹ️ Вы уже использовали промокод <code>{ $code }</code>. Каждый промокод действует для покупателя один раз.
promo-used-up = 🔚 Промокод <code>{ $code }</code> закончился: все активации уже использованы.
promo-terms-credit = { $amount } на баланс
promo-terms-discount = скидка { $percent }% на следующий заказ, не больше { $cap }
promo-terms-min = для заказа от { $min }
order-confirm-list-price = Цена: <s>{ $price }</s>
order-confirm-discount = 🎁 Скидка (<code>{ $code }</code>): −{ $discount }
order-confirm-to-pay = К оплате: <b>{ $price }</b>
order-confirm-promo-min = ℹ️ Промокод <code>{ $code }</code> действует на заказы от { $min }: он сохранится для следующего заказа.
order-promo-gone = ⚠️ Скидка этого заказа уже использована в другом заказе, поэтому ничего не списано. Оформите заказ заново.

## Администраторам: промокоды и рефералы
promo-created = ✅ Промокод <code>{ $code }</code> создан: { $terms }. Активаций: { $uses }. Действует до { $expires }.
promo-exists = ⚠️ Промокод <code>{ $code }</code> уже существует (названия промокодов повторно не используются).
promo-list-title = 🎁 <b>Промокоды</b>, сначала новые
promo-list-row = { $state ->
        [active] ✅
        [expired] ⌛
        [used_up] 🔚
       *[disabled] 🚫
    } <code>{ $code }</code> · { $terms } · использовано { $used } из { $uses } · до { $expires }
promo-list-empty = Промокодов пока нет.
promo-disable-done = 🚫 Промокод <code>{ $code }</code> отключён. Уже полученные скидки остаются в силе.
promo-not-found = Промокода <code>{ $code }</code> нет.
promo-err-usage =
    <b>Промокоды</b>
    <code>/promo create КОД credit СУММА uses=N days=N</code>
    <code>/promo create КОД discount ПРОЦЕНТ% cap=СУММА uses=N expires=YYYY-MM-DD [min=СУММА]</code>
    <code>/promo list</code>
    <code>/promo disable КОД</code>
    Срок: <code>days=N</code> или <code>expires=YYYY-MM-DD</code> (до конца этого дня, UTC).
promo-err-code = ❌ Промокод состоит из 3–32 латинских букв, цифр, «_» или «-».
promo-err-reserved = ❌ «{ $code }» — служебное слово, промокодом оно быть не может.
promo-err-kind = ❌ «{ $kind }»: тип бывает <code>credit</code> (деньги на баланс) или <code>discount</code> (скидка в процентах на следующий заказ).
promo-err-amount = ❌ «{ $value }» — не сумма: укажите положительное число, например 5 или 2.5.
promo-err-percent = ❌ «{ $value }» — не процент: укажите число больше 0 и не больше 100, например 10%.
promo-err-cap = ❌ Для скидки нужен <code>cap=СУММА</code> (наибольшая скидка, положительная сумма); у промокода credit потолка нет.
promo-err-uses = ❌ Укажите число активаций: <code>uses=N</code>, от 1 до 1 000 000.
promo-err-expiry = ❌ Укажите один срок: <code>days=N</code> (от 1 до 3650) или <code>expires=YYYY-MM-DD</code> — дату в будущем.
promo-err-min = ❌ <code>min=СУММА</code> (наименьший заказ, к которому применяется скидка) должен быть положительной суммой и бывает только у промокодов discount.
promo-err-option = ❌ «{ $option }» здесь не используется. Параметры: uses=, days=, expires=, cap=, min=.
admin-stats-referrals = 👥 <b>Рефералы</b> ({ $percent }%): пришли по ссылкам: { $users } · выплачено пригласившим: { $earned } · заказов с вознаграждением: { $orders }
admin-money-kind = { $kind ->
        [card] Карта
        [stars] Stars
        [receipt] Чеки
        [admin] Начисления админом
        [promo] Промокоды
        [referral] Реферальные вознаграждения
       *[refund] Возвраты Stars
    }
admin-money-item = { $kind } { $amount } ({ $count })
admin-money-item-stars = { $kind } { $amount } ({ $count }; { $stars } ⭐)
admin-stats-topups =
    💳 <b>Пополнения</b> (поступившие деньги)
    Сегодня: { $today }
    За всё время: { $total }
admin-topups-sum = { $amount }, { $count } { COUNT($count) ->
        [one] пополнение
        [few] пополнения
        [many] пополнений
       *[other] пополнения
    }: { $methods }
admin-topups-none = нет
admin-stars-refunds-sum = { $amount } ({ $count }; { $stars } ⭐)
admin-stats-stars-refunds = ↩️ Возвраты Stars: сегодня { $today } · за всё время { $total }
admin-stats-bonuses = 🎁 Бонусы (не пополнения): сегодня { $today } · за всё время { $total }
admin-user-referrals = 👥 Пригласил: { $referrer } · приглашено: { $invited } · заработано: { $earned } (заказов: { $orders })

# web back office
web-title = Панель управления магазином
web-signin-link =
    🔐 Ваша ссылка для входа в панель управления (действует { $minutes } мин., один раз):
    { $url }

    Не пересылайте её никому: кто откроет её первым, тот и войдёт под вашим именем.
web-signin-title = Вход
web-signin-confirm = Войти в панель управления как администратор { $id }?
web-signin-button = Войти
web-signout = Выйти
web-signed-out-title = Выход выполнен
web-signed-out = Вы вышли из панели управления. Чтобы получить новую ссылку, отправьте боту /admin.
web-refused-title = Доступ запрещён
web-refused-link = Ссылка для входа недействительна: она уже использована, истекла или никогда не выдавалась.
web-refused-signed-out = Вы не вошли в систему или ваш сеанс завершён.
web-refused-not-admin = Этот аккаунт больше не администратор магазина.
web-refused-origin = Запрос отправлен не со страницы панели управления.
web-refused-csrf = Срок действия формы истёк. Обновите страницу и попробуйте снова.
web-refused-too-many = Слишком много попыток входа. Подождите несколько минут и попробуйте снова.
web-refused-too-large = Запрос слишком большой для панели управления. Фото для рассылки — не больше 10 МБ.
web-refused-how = Чтобы получить новую ссылку для входа, отправьте боту в Telegram команду /admin.
web-not-found = По этому адресу ничего нет.
web-error = Что-то пошло не так. Попробуйте через минуту.
web-nav-home = Обзор
web-nav-orders = Заказы
web-nav-users = Пользователи
web-nav-receipts = Чеки
web-nav-broadcasts = Рассылки
web-nav-audit = Журнал действий
web-nav-settings = Настройки
web-search = Найти
web-yes = да
web-no = нет
web-page-prev = ← Назад
web-page-next = Вперёд →
web-page-of = Страница { $page } из { $pages }
web-home-unknown = Заказы, ждущие решения
web-home-receipts = Чеки на рассмотрении
web-home-broadcasts = Идущие рассылки
web-users-search = ID пользователя или @username
web-users-not-found = Пользователь «{ $query }» не найден.
web-user-title = Пользователь { $id }
web-user-name = Имя
web-user-language = Язык
web-user-blocked = Заблокировал бота
web-user-created = Впервые замечен
web-user-seen = Последняя активность
web-user-balance = Баланс
web-user-orders = Заказы
web-user-ledger = Движения по балансу
web-user-ledger-empty = Движений по балансу пока нет.
web-user-latest-orders = Последние заказы
web-ledger-when = Когда
web-ledger-amount = Сумма
web-ledger-balance = Баланс после
web-ledger-reason = Основание
web-ledger-by = администратор { $admin }
web-wallet-title = Пополнение или списание
web-wallet-direction = Пополнение или списание
web-wallet-credit = Пополнить
web-wallet-debit = Списать
web-wallet-amount = Сумма, { $currency }
web-wallet-note = Примечание (видно в журнале операций)
web-wallet-submit = Применить
web-wallet-hint = Списать больше, чем есть на балансе, нельзя. Пользователь получит уведомление.
web-wallet-credited = ✅ Баланс пополнен, пользователь уведомлён.
web-wallet-debited = ✅ Средства списаны, пользователь уведомлён.
web-wallet-empty = ℹ️ Баланс пуст: ничего не списано.
web-wallet-repeated = ℹ️ Эта форма уже отправлялась: повторно ничего не сделано.
web-wallet-invalid = ⚠️ Введите сумму больше нуля (например, 5 или 2,50).
web-orders-search = Номер заказа (#17) или ID заказа в панели
web-orders-not-found = Заказ «{ $query }» не найден.
web-orders-none = Заказов нет.
web-orders-unknown-hint = Неизвестно, дошли ли эти заказы до панели: проверьте их там и закройте каждый — указав ID в панели или вернув деньги.
web-order-title = Заказ #{ $id }
web-order-created = Создан
web-order-service = Услуга
web-order-state = Состояние
web-order-price = Цена
web-order-user = Покупатель
web-order-link = Ссылка
web-order-quantity = Количество
web-order-panel-id = ID заказа в панели
web-order-status = Статус в панели
web-order-progress = Начальное значение / осталось
web-order-charge = Списано панелью
web-order-refunded = Возвращено
web-order-timeline = История
web-order-actions = Действия
web-order-refill = Запросить восстановление
web-order-cancel = Отменить в панели
web-order-check = Проверить статус
web-timeline-created = Заказ создан
web-timeline-charged = С баланса списано { $amount }
web-timeline-refunded = На баланс возвращено { $amount }
web-timeline-placed = Размещён в панели под ID { $panelId }
web-timeline-status = Последний известный статус: { $status }
web-timeline-unknown = Результат неизвестен: { $reason }
web-timeline-failed = Не размещён: { $reason }
web-timeline-refill = Восстановление { $refill }: { $status }
web-settle-hint = Найдите заказ в панели. Если он там есть, введите его ID в панели; если нет — верните деньги покупателю.
web-settle-panel-id = ID заказа в панели
web-settle-placed = Заказ есть в панели
web-settle-refund = Вернуть деньги покупателю
web-notice-settle-placed = ✅ Заказ отмечен как размещённый: теперь он отслеживается, покупатель уведомлён.
web-notice-settle-refunded = ✅ Деньги возвращены, покупатель уведомлён.
web-notice-settle-not-unknown = ℹ️ Этот заказ не ждёт решения (возможно, его уже закрыл кто-то другой).
web-notice-settle-panel-id-taken = ⚠️ Этот ID в панели уже принадлежит другому заказу.
web-notice-settle-invalid = ⚠️ Введите ID заказа в панели или выберите возврат денег.
web-notice-action-requested = ✅ Запрос отправлен в панель. О результате покупатель узнает.
web-notice-action-busy = ⏳ Запрос уже отправляется в панель.
web-notice-action-already = ℹ️ Панель только что приняла этот запрос.
web-notice-action-refused = ⚠️ Панель отклонила запрос.
web-notice-action-unreachable = ⚠️ Панель не ответила, ничего не изменилось. Попробуйте позже.
web-notice-action-unconfirmed = ⚠️ Панель не дала чёткого ответа; заказ скоро будет проверен снова.
web-notice-action-not-allowed = ℹ️ Сейчас для этого заказа это действие недоступно.
web-live-status = Сейчас в панели: { $status } · осталось { $remains } · списано { $charge }
web-live-refused = Панель отклонила проверку статуса: { $message }
web-live-unreachable = Панель не ответила. Попробуйте позже.
web-live-not-placed = У этого заказа нет заказа в панели, проверять нечего.
web-receipts-none = Чеков на рассмотрении нет.
web-receipt-photo = Чек { $id }
web-receipt-no-file = Файл этого чека не сохранён.
web-receipt-id = Чек
web-receipt-user = Покупатель
web-receipt-amount = Сумма
web-receipt-note = Клиент написал
web-receipt-sent = Отправлен
web-receipt-approve = Одобрить
web-receipt-reject = Отклонить
web-receipt-approved-by = ✅ Одобрил { $admin }: { $amount }
web-receipt-rejected-by = ❌ Отклонил { $admin }
web-receipt-already = ℹ️ По этому чеку уже принял решение кто-то другой.
web-receipt-bad-amount = ⚠️ Введите сумму больше нуля.
web-broadcast-compose = Новая рассылка
web-broadcast-text = Текст (подпись, если есть фото)
web-broadcast-photo = Фото (необязательно)
web-broadcast-file-id = …или file id фото в Telegram (необязательно)
web-broadcast-hint = Сначала сообщение придёт в ваш чат с ботом, а оттуда будет скопировано всем пользователям, которые не заблокировали бота.
web-broadcast-preview = Предпросмотр
web-broadcast-send = Отправить всем
web-broadcast-preview-upload = С фото { $name }
web-broadcast-preview-file-id = С фото по этому file id
web-broadcast-preview-users = Получат до { $users } { COUNT($users) ->
        [one] пользователя
        [few] пользователей
        [many] пользователей
       *[other] пользователя
    }.
web-broadcast-empty = ⚠️ Напишите текст или добавьте фото.
web-broadcast-one-photo = ⚠️ Загрузите фото или укажите file id — что-то одно.
web-broadcast-bad-photo = ⚠️ Фото должно быть изображением не больше 10 МБ.
web-broadcast-bad-file-id = ⚠️ Telegram не знает фото с таким file id.
web-broadcast-caption-long = ⚠️ С фото текст может быть не длиннее 1024 символов.
web-broadcast-text-long = ⚠️ Текст может быть не длиннее 4096 символов.
web-broadcast-no-chat = ⚠️ Бот не может вам написать: откройте бота в Telegram, нажмите «Запустить» и попробуйте снова.
web-broadcast-history = История
web-broadcast-none = Рассылок пока не было.
web-broadcast-started = Запуск
web-broadcast-by = Администратор
web-broadcast-state = Состояние
web-broadcast-delivered = Доставлено
web-broadcast-title = Рассылка #{ $id }
web-broadcast-meta = Запущена { $started } администратором { $admin }.
web-broadcast-phase = { $phase ->
        [queueing] ставится в очередь
        [delivering] рассылается
       *[done] завершена
    }
web-broadcast-counts = В очереди: { $queued } из { $users } · ✅ доставлено: { $delivered } · 🚫 заблокировали: { $blocked } · ⚠️ ошибки: { $failed } · ❔ возможно, доставлено: { $maybe } · пропущено: { $skipped }
web-audit-empty = Пока ничего не записано.
web-audit-when = Когда
web-audit-who = Администратор
web-audit-what = Действие
web-audit-change = Было → стало
web-settings-health = Состояние
web-settings-panel = Панель
web-health-state = { $state ->
        [ok] ✅ работает
        [refused] ⚠️ не принимает ключ API
       *[down] ❌ не отвечает
    }
web-settings-values = Текущие настройки
web-settings-hint = Только для просмотра: чтобы изменить, правьте .env и перезапустите бота. Секреты не показываются.
web-settings-secret-set = задан (скрыт)

# required channels (REQUIRED_CHANNELS)
channels-join =
    📢 <b>Чтобы сделать заказ, сначала подпишитесь на наши каналы:</b>
    { $channels }

    Затем нажмите «✅ Я подписался».
channels-button-joined = ✅ Я подписался
channels-still-missing = Вы подписались ещё не на все каналы. Подпишитесь и нажмите кнопку ещё раз.
channels-thanks = ✅ Спасибо за подписку! Теперь можно заказывать: выберите услугу или ещё раз нажмите «Подтвердить».

# order again, drip-feed (order dialog)
order-ask-link-again =
    🔁 Повторный заказ: <b>{ $service }</b>.
    Прошлая ссылка: { $link }
    Используйте её снова или отправьте новую ссылку.
order-button-reuse-link = ✅ Использовать эту ссылку
order-ask-dripfeed = 💧 Эту услугу можно выполнить частями (drip-feed): количество отправляется несколько раз с паузой между запусками. Выполнить частями?
order-button-dripfeed-yes = 💧 Да, частями
order-button-dripfeed-no = ➡️ Нет, сразу всё
order-hint-dripfeed = ✍️ Нажмите одну из кнопок или /cancel, чтобы выйти.
order-ask-runs = 🔁 Сколько запусков? Отправьте целое число от { $min } до { $max } (по { $quantity } за запуск).
order-runs-invalid = ⚠️ Отправьте число запусков целым числом от { $min } до { $max }: по { $quantity } за запуск, и весь заказ должен уложиться в максимум услуги.
order-ask-interval = ⏱ Сколько минут между запусками? Отправьте целое число от 1 до { $max }.
order-interval-invalid = ⚠️ Отправьте паузу между запусками в минутах — целое число от 1 до { $max }.
order-confirm-dripfeed = Частями: <b>{ $runs }</b> { COUNT($runs) ->
        [one] запуск
        [few] запуска
        [many] запусков
       *[other] запуска
    }, каждые { $interval } мин. — всего <b>{ $total }</b>
orders-details-dripfeed = 💧 Частями: { $runs } { COUNT($runs) ->
        [one] запуск
        [few] запуска
        [many] запусков
       *[other] запуска
    }, каждые { $interval } мин. (всего { $total })
orders-button-again = 🔁 Заказать снова
orders-again-gone = Эта услуга больше не продаётся. Выберите другую через /order.

# service search
search-ask = 🔍 Что ищете? Отправьте пару слов, например: instagram подписчики
search-results =
    🔍 По запросу «{ $query }» { COUNT($count) ->
        [one] найдена
        [few] найдено
        [many] найдено
       *[other] найдено
    } <b>{ $count } { COUNT($count) ->
        [one] услуга
        [few] услуги
        [many] услуг
       *[other] услуги
    }</b> (страница { $page } из { $pages }):
search-nothing = 🔍 По запросу «{ $query }» ничего не найдено. Попробуйте другие слова или посмотрите все услуги: /order
search-expired = 🔍 Этот поиск устарел. Поищите снова: /search и пара слов.

## Back office dashboard
web-dash-balance = Баланс панели и кошельки
web-dash-panel-balance = Баланс панели
web-dash-wallets = Всего в кошельках клиентов
web-dash-balance-low = ⚠️ На балансе панели на { $shortfall } меньше, чем у клиентов в кошельках: пополните счёт в панели.
web-dash-panel-refused = Панель отклонила запрос баланса: { $message }
web-dash-panel-unreachable = Панель не ответила на запрос баланса.
web-dash-panel-currency = Панель считает в { $panelCurrency }, а магазин в { $currency }: сравните сами.
web-dash-range = Период
web-dash-days = { $days } дн.
web-dash-partial = Заказы, сделанные до появления счётчиков, ещё досчитываются: цифры пока неполные.
web-dash-orders = Размещённые заказы по дням
web-dash-turnover = Оборот по дням, { $currency }
web-dash-margin = Маржа по дням, { $currency }
web-dash-open = Открытые заказы по статусам
web-dash-open-none = Открытых заказов нет.
web-dash-top-services = Популярные услуги за { $days } дн.
web-dash-top-none = За этот период заказов нет.
web-dash-topups-chart = Пополнения по дням, { $currency }
web-dash-topups = Пополнения по способам
web-dash-topups-method = Способ
web-dash-topups-period = За { $days } дн.
web-dash-topups-all = За всё время
web-dash-topups-total = Все пополнения
web-dash-topups-others = Не пополнения
web-dash-topups-note = Считаются в момент события, каждое один раз: оплаты картой и Stars — при зачислении, чеки — при одобрении, начисления админом. Возвраты Stars учитываются отдельно, в день возврата.
web-orders-search-label = Заказ, номер в панели или ссылка
web-orders-any = любой
web-orders-service-id = Номер услуги
web-orders-from = Создан с
web-orders-to = по
web-orders-bad-user = Пользователя указывают его Telegram ID (только цифры).
web-orders-bad-service = В номере услуги только буквы, цифры, - или _.
web-orders-bad-date = «{ $date }» — это не дата.
web-orders-indexed = Заказов за этот период: { $count }
web-orders-newest = Сначала новые


## Back office catalog
web-nav-catalog = Каталог
web-catalog-rate = Курс валюты
web-catalog-rate-now = 1 { $panelCurrency } = { $rate } (задан { $at } UTC, кем: { $by })
web-catalog-rate-missing = Курс ещё не задан: пока его нет, клиенты не могут заказывать.
web-catalog-unavailable = Каталог нельзя показать: не удалось получить список услуг панели. Проверьте настройки панели (Настройки) и попробуйте через несколько минут.
web-catalog-unavailable-rate = Каталог нельзя показать, пока не указан курс: укажите его ниже.
web-catalog-rate-new = Новый курс
web-catalog-rate-set = Задать курс
web-catalog-categories = Категории
web-catalog-category-count = видно { $visible } из { $all }
web-catalog-hide-category = Скрыть категорию
web-catalog-show-category = Показать категорию
web-catalog-services = Услуги
web-catalog-search = Номер или название услуги
web-catalog-show = Показать
web-catalog-show-option = { $show ->
        [visible] только видимые
        [hidden] только скрытые
       *[all] все
    }
web-catalog-none = Подходящих услуг нет.
web-catalog-pick = Выбрать
web-catalog-pick-one = Выбрать услугу { $id }
web-catalog-service = Услуга
web-catalog-category = Категория
web-catalog-cost = Цена панели за 1000
web-catalog-price = Цена в магазине
web-catalog-margin = Маржа
web-catalog-state = Видимость
web-catalog-markup-is = своя наценка { $markup } %
web-catalog-visible = видна
web-catalog-hidden = скрыта
web-catalog-at-loss = скрыта: в убыток
web-catalog-bulk = С отмеченными услугами
web-catalog-bulk-markup = задать наценку
web-catalog-bulk-category = наценка категории
web-catalog-bulk-hide = скрыть
web-catalog-bulk-show = показать
web-catalog-markup = Наценка, %
web-catalog-apply = Применить
web-catalog-done = Сохранено ({ $count }).
web-catalog-none-picked = Сначала отметьте хотя бы одну услугу. Ничего не изменено.
web-catalog-too-many = Не больше { $max } { COUNT($max) ->
        [one] услуги
        [few] услуг
        [many] услуг
       *[other] услуги
    } за раз. Ничего не изменено.
