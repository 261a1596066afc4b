import { replayHeaders } from "../headers";
import { luaScript } from "./redis-connection";
import { deadLetterFields as f, messageFields } from "./redis-entries";

/**
 * The Lua scripts behind every step that must not be split: Redis runs a script alone, so a
 * dead-lettered entry is copied to the DLQ and acknowledged together (never lost, never in
 * both places), and a replay publishes, removes the dead letter and records its idempotency key
 * together (a retry finds either everything done or nothing).
 */

const q = (text: string) => `'${text.replace(/'/g, "\\'")}'`;

/** Shared by the scripts that dead-letter: copies an entry to the DLQ with its failure metadata and acks it. */
const deadLetterFunction = `
local function now_ms()
  local time = redis.call('TIME')
  return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end

local function first_death(fields, fallback)
  for i = 1, #fields, 2 do
    if fields[i] == ${q(messageFields.headers)} then
      local decoded, headers = pcall(cjson.decode, fields[i + 1])
      if decoded and type(headers) == 'table' then
        local at = tonumber(headers[${q(replayHeaders.firstDeathAt)}])
        if at then return at end
      end
    end
  end
  return fallback
end

local function dead_letter(stream, dlq, group, id, deliveries, cause, reason, destination)
  local entry = redis.call('XRANGE', stream, id, id)[1]
  if entry then
    local at = now_ms()
    local fields = entry[2]
    local args = {dlq, '*',
      ${q(f.reason)}, reason, ${q(f.cause)}, cause, ${q(f.destination)}, destination, ${q(f.group)}, group,
      ${q(f.entryId)}, id, ${q(f.deliveryCount)}, string.format('%d', deliveries),
      ${q(f.firstDeathAt)}, string.format('%d', first_death(fields, at)), ${q(f.lastDeathAt)}, string.format('%d', at)}
    for i = 1, #fields do args[#args + 1] = fields[i] end
    redis.call('XADD', unpack(args))
  end
  redis.call('XACK', stream, group, id)
end

-- The pending entry id as delivered to consumer with this delivery count, or nil when the lease is gone.
local function own_lease(stream, group, consumer, id, deliveries)
  local pending = redis.call('XPENDING', stream, group, id, id, 1, consumer)[1]
  if pending and pending[4] == tonumber(deliveries) then return pending end
  return nil
end
`;

/**
 * KEYS: stream, dead-letter stream. ARGV: group, consumer, ack timeout ms, count, max deliveries, destination.
 * Claims up to `count` entries whose lease expired for `consumer`, dead-lettering those that
 * used up their deliveries. Returns `{id, fields, deliveries}` for each entry claimed.
 */
export const sweepScript = luaScript(`${deadLetterFunction}
local stream, dlq = KEYS[1], KEYS[2]
local group, consumer, min_idle, count, max = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local claimed = {}
for _, pending in ipairs(redis.call('XPENDING', stream, group, 'IDLE', min_idle, '-', '+', count)) do
  local id, deliveries = pending[1], pending[4]
  if deliveries >= max then
    dead_letter(stream, dlq, group, id, deliveries, 'max-deliveries', 'not acknowledged within the ack timeout', ARGV[6])
  else
    local entry = redis.call('XCLAIM', stream, group, consumer, min_idle, id)[1]
    if type(entry) == 'table' and type(entry[2]) == 'table' then
      claimed[#claimed + 1] = {entry[1], entry[2], deliveries + 1}
    end
  end
end
return claimed
`);

/** KEYS: stream. ARGV: group, consumer, id, deliveries. 1 when acknowledged, 0 when the lease was lost. */
export const ackScript = luaScript(`${deadLetterFunction}
if not own_lease(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4]) then return 0 end
return redis.call('XACK', KEYS[1], ARGV[1], ARGV[3])
`);

/**
 * KEYS: stream. ARGV: group, consumer, id, deliveries, idle ms.
 * Makes the entry look idle for `idle ms` so that the next sweep past the ack timeout claims it
 * again; JUSTID leaves the delivery count alone. 1 when released, 0 when the lease was lost.
 */
export const releaseScript = luaScript(`${deadLetterFunction}
if not own_lease(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4]) then return 0 end
redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'IDLE', ARGV[5], 'JUSTID')
return 1
`);

/**
 * KEYS: stream, dead-letter stream. ARGV: group, consumer, id, deliveries, cause, reason, destination.
 * 1 when dead-lettered, 0 when the lease was lost.
 */
export const deadLetterScript = luaScript(`${deadLetterFunction}
if not own_lease(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4]) then return 0 end
dead_letter(KEYS[1], KEYS[2], ARGV[1], ARGV[3], tonumber(ARGV[4]), ARGV[5], ARGV[6], ARGV[7])
return 1
`);

/** KEYS: stream. ARGV: group, consumer. Removes the group member when it holds no pending entry (which removing would lose). */
export const retireConsumerScript = luaScript(`
if #redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 1, ARGV[2]) > 0 then return 0 end
return redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2]) + 1
`);

const previousOperation = `
local previous = redis.call('HGETALL', KEYS[2])
if #previous > 0 then return {'previous', previous} end
`;

/**
 * KEYS: dead-letter stream, operation key, resolved marker, target stream.
 * ARGV: entry id, dead-letter id, destination, message id (empty: the new entry's), ttl seconds, fields….
 * Returns {'previous', hash} | {'missing', marker} | {'no-destination'} | {'replayed', message id}.
 */
export const replayScript = luaScript(`${previousOperation}
if #redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1]) == 0 then return {'missing', redis.call('GET', KEYS[3]) or ''} end
if redis.call('EXISTS', KEYS[4]) == 0 then return {'no-destination'} end
local fields = {}
for i = 6, #ARGV do fields[#fields + 1] = ARGV[i] end
local entry = redis.call('XADD', KEYS[4], '*', unpack(fields))
local message_id = ARGV[4]
if message_id == '' then message_id = entry end
redis.call('XDEL', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], 'action', 'replay', 'deadLetterId', ARGV[2], 'destination', ARGV[3], 'messageId', message_id)
redis.call('EXPIRE', KEYS[2], ARGV[5])
redis.call('SET', KEYS[3], 'replayed', 'EX', ARGV[5])
return {'replayed', message_id}
`);

/**
 * KEYS: dead-letter stream, operation key, resolved marker. ARGV: entry id, dead-letter id, ttl seconds.
 * Returns {'previous', hash} | {'missing', marker} | {'discarded'}.
 */
export const discardScript = luaScript(`${previousOperation}
if redis.call('XDEL', KEYS[1], ARGV[1]) == 0 then return {'missing', redis.call('GET', KEYS[3]) or ''} end
redis.call('HSET', KEYS[2], 'action', 'discard', 'deadLetterId', ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[3])
redis.call('SET', KEYS[3], 'discarded', 'EX', ARGV[3])
return {'discarded'}
`);
