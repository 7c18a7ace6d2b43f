/** Callback data of the language picker (features/start.ts): one locale that has a file in locales/. */
import { LOCALES } from "../../text/locales.js";
import { createCallbackData, field } from "./define.js";

export const languageData = createCallbackData("lang", { locale: field.oneOf(LOCALES) });
