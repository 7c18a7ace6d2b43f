/** Escapes text for parse_mode HTML. Everything from the panel or a user goes through this. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Shortens to `max` characters with "…", counting code points so emoji are not cut in half. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, Math.max(1, max - 1))
        .join("")
        .trimEnd()}…`;
}

/** How much of a panel-given name (a service's) a message repeats: panels set no limit, a message has 4096 characters. */
export const NAME_IN_MESSAGE_MAX = 200;

/** A panel-given name for an HTML message: cut to NAME_IN_MESSAGE_MAX characters, then escaped. */
export const nameForMessage = (name: string): string => escapeHtml(truncate(name, NAME_IN_MESSAGE_MAX));
