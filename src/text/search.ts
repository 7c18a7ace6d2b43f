/**
 * Text matching for the customers' service search. Case, the Uzbek apostrophe variants
 * (oʻ o' o` o’) and the script do not matter: a word typed all in Cyrillic is transliterated the
 * Uzbek way ("Обуна" → "obuna", "Телеграм" → "telegram"); a word that mixes scripts is Latin typed
 * with Cyrillic look-alike letters ("Рrеmium" → "premium"). Pure.
 */

/** Cyrillic letters that look like Latin ones, as people mix them when typing. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
};

/** Uzbek Cyrillic → Latin (the apostrophes of oʻ/gʻ dropped, as the search drops them everywhere). */
const TRANSLIT: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "yo",
  ж: "j",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "x",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "sh",
  ъ: "",
  ы: "i",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  ў: "o",
  қ: "q",
  ғ: "g",
  ҳ: "h",
  і: "i",
};

/** ʻ ʼ ' ` ‘ ’ ´ and the modifier letters Uzbek writes oʻ/gʻ and the tutuq belgisi with. */
const APOSTROPHES = /['`\u00b4\u02b9\u02bb\u02bc\u02bd\u2018\u2019\u201b\u2032]/g;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

function latinWord(word: string): string {
  if (!CYRILLIC.test(word)) return word;
  const table = LATIN.test(word) ? LOOKALIKES : TRANSLIT;
  let out = "";
  for (const ch of word) out += table[ch] ?? ch;
  return out;
}

/** Lower case, no apostrophes, Latin script, runs of anything else as one space. */
export function normalizeForSearch(text: string): string {
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(APOSTROPHES, "")
    .split(/[^\p{L}\p{N}]+/u);
  return words.filter(Boolean).map(latinWord).join(" ");
}

/** The words of a query, normalized; empty when it has none. */
export const searchTerms = (query: string): string[] => normalizeForSearch(query).split(" ").filter(Boolean);

/** Every term occurs in the (already normalized) text. */
export const matchesTerms = (normalizedText: string, terms: readonly string[]): boolean => terms.length > 0 && terms.every((t) => normalizedText.includes(t));
