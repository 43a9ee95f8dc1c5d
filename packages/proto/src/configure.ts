import protobuf from 'protobufjs/minimal.js';

// int64 fields (epoch milliseconds) decode to plain numbers, not Long objects:
// every value we carry fits in 2^53. Must run before the generated module loads.
protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
protobuf.configure();
