import { RedisStore } from "./redis-store.js";

/** How long a search's result pages keep working: the query is gone after this. */
const QUERY_TTL_S = 60 * 60;

/** Each user's last service search, so a result page's button carries only the page number. */
export class SearchQueries extends RedisStore {
  async set(userId: number, query: string): Promise<void> {
    await this.redis.set(this.k.searchQuery(userId), query, "EX", QUERY_TTL_S);
  }

  get(userId: number): Promise<string | null> {
    return this.redis.get(this.k.searchQuery(userId));
  }
}
