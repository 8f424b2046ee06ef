import type { Channel } from '../registry/schema';
import { foldPhrase } from './normalise';

/** The registry's sales channels, found by a listing's address or by the name a source gives. */
export class Channels {
  private readonly byHost = new Map<string, Channel>();
  private readonly byName = new Map<string, Channel>();

  constructor(channels: readonly Channel[]) {
    for (const channel of channels) {
      for (const host of channel.hosts) this.byHost.set(host, channel);
      for (const name of [channel.id, channel.name, ...(channel.names ?? [])])
        this.byName.set(foldPhrase(name), channel);
    }
  }

  /** The channel an address is on: its host or any domain above it ("x.yupoo.com" → yupoo.com). */
  ofUrl(url: string | undefined): Channel | undefined {
    if (!url || this.byHost.size === 0) return undefined;
    let host: string;
    try {
      host = new URL(url).hostname.toLowerCase();
    } catch {
      return undefined;
    }
    for (let at = 0; at >= 0; at = host.indexOf('.', at) + 1 || -1) {
      const found = this.byHost.get(host.slice(at));
      if (found) return found;
    }
    return undefined;
  }

  /** The channel a name stands for ("Weidian", "微店", "Yupoo album"), by its folded form. */
  named(name: string | undefined): Channel | undefined {
    return name ? this.byName.get(foldPhrase(name)) : undefined;
  }
}
