// Server actions answer with a typed result, but the call itself can still fail: the connection drops, or the request
// is larger than the server accepts (a big CSV). That must end in a message, not a button stuck on "busy".
import type { ActionResult } from "@/lib/actions/safe-action";

export async function callAction<T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch (err) {
    const detail = err instanceof Error && err.message ? ` (${err.message})` : "";
    return {
      ok: false,
      error: {
        code: "unavailable",
        message: `The server did not answer${detail}. Check the connection and try again; a very large recipient list may be over the upload limit.`,
      },
    };
  }
}
