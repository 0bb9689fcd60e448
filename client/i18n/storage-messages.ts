/**
 * The device's storage: what /accessibilite says of it (po-storage-status) and what a form says
 * when the device's storage is full (client/forms/form-controller.ts). Core messages: the
 * accessibility page is public and any form may meet a full disk.
 */
export const storageFr = {
  'storage.heading': 'Les données sur cet appareil',
  'storage.intro':
    'Portée garde sur cet appareil vos informations et les modifications qui attendent le réseau, pour fonctionner hors ligne.',
  'storage.persistedLabel': 'Conservation :',
  'storage.persisted': 'durable — le navigateur ne les effacera pas pour faire de la place.',
  'storage.notPersisted':
    'non garantie — si l\u2019appareil manque de place, le navigateur peut les effacer ; elles seront téléchargées à nouveau à la prochaine connexion, mais les modifications pas encore envoyées seraient perdues.',
  'storage.usageLabel': 'Espace utilisé :',
  'storage.usage': '{usage} sur {quota} disponibles pour Portée ({percent})',
  'storage.usageOnly': '{usage}',
  'storage.unknown': 'inconnu sur ce navigateur.',
  'storage.measuring': 'mesure en cours…',
  'storage.full':
    'L\u2019espace de stockage de cet appareil est plein : cette modification n\u2019a pas été enregistrée. Ce qui attendait déjà d\u2019être envoyé est conservé. Libérez de la place sur l\u2019appareil, puis réessayez ; ce que vous avez saisi est toujours là.',
} as const;
