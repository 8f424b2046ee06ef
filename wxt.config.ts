import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { registryFromDisk } from './src/cli/registry-files';
import { marketplaceMatches } from './src/sites/matches';

// Firefox gets the same permissions; only its gecko settings differ.
const GECKO_ID = 'counterfeit-guard@counterfeitguard.org';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // MV3 everywhere: one background model (an event page in Firefox, a service worker in Chrome).
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // A registry source that breaks the schema stops the build, naming the file, brand and field.
    'build:before': () => {
      registryFromDisk();
    },
    // WXT takes the popup's title from its HTML <title>; the toolbar tooltip is translated instead.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_extName__';
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'scripting'],
    host_permissions: marketplaceMatches(),
    // Asked for only when the user turns on the reader for any other shop (options page).
    optional_host_permissions: ['https://*/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              // Matching runs on the device; nothing is collected or sent in this version.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
