import { describe, expect, it } from 'vitest';
import {
  Channel,
  decodeChannelFrame,
  encodeChannelFrame,
  parseControl,
  resizeMessage,
  statusMessage,
} from './channel';

describe('channel frames', () => {
  it('puts the channel in the first byte and keeps bytes as they are', () => {
    const bytes = new Uint8Array([0xe2, 0x82]); // half of "€": never decoded on the way
    const frame = encodeChannelFrame(Channel.stdout, bytes);
    expect([...frame]).toEqual([1, 0xe2, 0x82]);
    expect(decodeChannelFrame(frame)).toEqual({ channel: 1, payload: bytes });
  });

  it('carries control messages as JSON and validates them', () => {
    const frame = encodeChannelFrame(Channel.resize, { cols: 120, rows: 40 });
    expect(parseControl(resizeMessage, decodeChannelFrame(frame)!.payload)).toEqual({
      cols: 120,
      rows: 40,
    });
    expect(
      parseControl(resizeMessage, new TextEncoder().encode('{"cols":0,"rows":5}')),
    ).toBeUndefined();
    expect(parseControl(statusMessage, new TextEncoder().encode('not json'))).toBeUndefined();
    expect(
      parseControl(
        statusMessage,
        encodeChannelFrame(Channel.status, { type: 'exit', exitCode: 3 }).subarray(1),
      ),
    ).toEqual({ type: 'exit', exitCode: 3 });
  });

  it('ignores an empty frame', () => {
    expect(decodeChannelFrame(new Uint8Array())).toBeUndefined();
  });
});
