// The server entry runs in plain Node, not under React's "react-server" condition, so the "server-only"
// guard (which keeps server modules out of browser bundles) would refuse to load. Here it is a no-op.
import Module from "node:module";

const resolved = require.resolve("server-only");
const stub = new Module(resolved);
stub.filename = resolved;
stub.loaded = true;
stub.exports = {};
require.cache[resolved] = stub;
