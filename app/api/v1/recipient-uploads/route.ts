// The automation API's upload: the same handler as the console's, opened by API keys.
import { apiRoute } from "@/lib/api/route";
import { postRecipientUpload } from "@/lib/uploads/routes";

export const POST = apiRoute("supervisor", postRecipientUpload);
