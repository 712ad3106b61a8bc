// The messages between the request side and the writer thread.
import type { Actor } from '@/lib/actor';
import type { Outcome } from './outcome';

/** args: the use case's arguments as JSON (they come from a request's JSON, and JSON.stringify fails early and catchably on what could not be sent). */
export type WriterJob = { id: number; name: string; actor: Actor; args: string };
/** What the writer thread gets at start: the ledger file, and whether a checkpointer thread copies its log back. */
export type WriterData = { file: string; deferCheckpoints: boolean };

export type ToWriter = { kind: 'jobs'; jobs: WriterJob[] } | { kind: 'stop' };
export type FromWriter = { kind: 'ready' } | { kind: 'done'; id: number; outcome: Outcome };
