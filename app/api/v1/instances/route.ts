export { GET } from "@/app/api/connect/instances/route";
