export { GET } from "@/app/api/connect/instances/[instanceId]/flows/route";
