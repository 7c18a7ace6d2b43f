/** Callback data of the service search (features/search.ts): a page number; the query is kept in Redis. */
import { anyDataOf, createCallbackData, field } from "./define.js";

export const searchData = {
  /** a page of the user's last search's results */
  page: createCallbackData("sq", { page: field.int(6) }),
};

export const anySearchData = anyDataOf(...Object.values(searchData));
