import type { storageFr } from '../storage-messages.ts';

export const storageEn: Record<keyof typeof storageFr, string> = {
  'storage.heading': 'The data on this device',
  'storage.intro': 'Portée keeps your information and the changes waiting for the network on this device, so that it works offline.',
  'storage.persistedLabel': 'Kept:',
  'storage.persisted': 'durably — the browser will not delete it to make room.',
  'storage.notPersisted':
    'not guaranteed — if the device runs out of space, the browser may delete it; it will be downloaded again at the next connection, but changes not yet sent would be lost.',
  'storage.usageLabel': 'Space used:',
  'storage.usage': '{usage} of {quota} available to Portée ({percent})',
  'storage.usageOnly': '{usage}',
  'storage.unknown': 'not known on this browser.',
  'storage.measuring': 'measuring…',
  'storage.full':
    'This device’s storage is full: this change was not saved. What was already waiting to be sent is kept. Free some space on the device, then try again; what you typed is still there.',
};
