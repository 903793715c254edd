// Types of arena-agent.mjs for TypeScript agents (docs/agent-protocol.md, protocol 1).
import type { Server } from "node:http";

export type Value = string | number | boolean | null;

export interface HistoryEvent {
  event_id: string | null;
  time: string;
  type: string;
  activity: string | null;
  channel: string | null;
  actor_type: string | null;
  actor_id: string | null;
  payload: Record<string, Value>;
}

export interface AllowedAction {
  type: string;
  params: Record<string, unknown>;
  description: string | null;
}

export interface AgentRequest {
  protocol: 1;
  decision_id: string | null;
  case_id: string;
  rule: string | null;
  as_of: string;
  values: Record<string, Value>;
  history: { total: number; omitted: number; events: HistoryEvent[] };
  allowed_actions: AllowedAction[];
  deadline_ms?: number;
}

export interface Usage {
  tokens_in?: number | null;
  tokens_out?: number | null;
  cost?: number | null;
  model?: string | null;
}

export interface AgentResponse {
  action?: string;
  params?: Record<string, unknown> | null;
  probabilities?: Record<string, number> | null;
  score?: number | null;
  confidence?: number | null;
  reasoning?: string | null;
  usage?: Usage | null;
  decision_id?: string | null;
  error?: string | null;
  [extra: string]: unknown;
}

export type Decide = (request: AgentRequest) => AgentResponse | string | Promise<AgentResponse | string>;

export const PROTOCOL: 1;
export function answer(decide: Decide, request: AgentRequest): Promise<AgentResponse>;
export function encode(response: AgentResponse): string;
export function serveStdio(decide: Decide, input?: NodeJS.ReadableStream, output?: NodeJS.WritableStream): Promise<void>;
export function serveHttp(decide: Decide, port?: number, host?: string): Promise<Server>;
export function main(decide: Decide, argv?: string[]): Promise<void> | Promise<Server>;
