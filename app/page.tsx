import { redirect } from "next/navigation";
import { getDb } from "@/lib/runtime/current";
import { countUsers } from "@/lib/users/queries";

export default async function Home() {
  redirect((await countUsers(await getDb())) === 0 ? "/setup" : "/campaigns");
}
