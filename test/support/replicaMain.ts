// Entry bundled by test/support/replicas.ts: one bot replica, its settings as JSON in argv[2].
import { type ReplicaConfig, runReplica } from './replicaProcess';

void runReplica(JSON.parse(process.argv[2] ?? '{}') as ReplicaConfig);
