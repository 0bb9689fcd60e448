import { authFr } from './auth-messages.ts';
import { shellFr } from './shell-messages.ts';
import { storageFr } from './storage-messages.ts';
import { MESSAGE_AREAS, type AreasFr, type MessageArea } from './message-areas.ts';

/** The messages of the first screens (sign-in, lost password, the shell): always loaded. Form errors are an area (message-areas.ts). */
const coreFr = {
  ...authFr,
  ...shellFr,
  ...storageFr,
  'app.name': 'Portée',
  'shell.skip': 'Aller au contenu',
  'shell.menu': 'Menu principal',
  'shell.menuButton': 'Menu',
  'shell.home': 'Accueil',
  'shell.family': 'Famille',
  'shell.students': 'Élèves',
  'shell.accessibility': 'Accessibilité',
  'shell.password': 'Mot de passe',
  'shell.signOut': 'Quitter',
  'shell.admin': 'Secrétariat',
  'shell.teacher': 'Mes classes',
  'shell.calendar': 'Calendrier',
  'shell.reenrolment': 'Réinscription',
  'shell.teacherAbsences': 'Mes absences',
  'shell.language': 'Langue',
  'shell.signedInAs': 'Connecté : {name}',
  'a11y.toggle': 'Mode accessibilité',
  'status.online': 'En ligne',
  'status.offline': 'Hors ligne',
  'status.pending': '{count} modification(s) en attente d\u2019envoi',
  'status.lastSync': 'Dernière synchronisation : {when}',
  'status.neverSynced': 'Pas encore synchronisé',
  'status.syncing': 'Synchronisation…',
  'update.available': 'Nouvelle version disponible',
  'update.reload': 'Recharger',
  'idle.title': 'Votre session va expirer',
  'idle.text': 'Sans action de votre part, vous serez déconnecté dans {seconds} secondes, pour protéger vos données.',
  'idle.extend': 'Prolonger la session',
  'idle.signOut': 'Me déconnecter',
  'idle.expired': 'Votre session a expiré après 30 minutes d\u2019inactivité. Reconnectez-vous.',
  'signOut.pendingTitle': 'Des modifications ne sont pas encore envoyées',
  'signOut.pendingText': '{count} modification(s) attendent le réseau pour être envoyées. Si vous quittez maintenant, elles seront perdues.',
  'signOut.wait': 'Attendre le réseau',
  'signOut.anyway': 'Quitter quand même',
  'page.notFound': 'Page introuvable',
  'page.notFoundText': 'Cette adresse ne correspond à aucune page de Portée.',
  'page.backHome': 'Retour à l\u2019accueil',
  'page.loadFailed': 'Page non chargée',
  'page.loadFailedText': 'Cette page n\u2019a pas pu être téléchargée : la connexion au réseau semble coupée. Vérifiez-la, puis réessayez.',
  'page.retry': 'Réessayer',
  'page.forbidden': 'Accès refusé',
  'page.forbiddenText': 'Cette page est réservée à un autre profil.',
  'common.back': 'Retour',
  'common.loading': 'Chargement…',
  'sync.firstPull': 'Synchronisation en cours…',
  'sync.notDownloaded': 'Ces informations n\u2019ont pas encore été téléchargées sur cet appareil. Elles s\u2019afficheront après la première synchronisation, dès que la connexion reviendra.',
  'common.errorSummary': 'Le formulaire contient {count} erreur(s) :',
  'common.offlineAction': 'Cette action demande une connexion au réseau. Réessayez une fois en ligne.',
} as const;

type French = typeof coreFr & AreasFr;

/**
 * The French messages: the reference language. The first screens' (core) ones are here from the
 * start; an area's are added by `loadAreaMessages()` before a page that needs them renders.
 */
export const fr = coreFr as French;
export type MessageKey = keyof French;

const loading = new Map<MessageArea, Promise<void>>();
const ALL_AREAS = Object.keys(MESSAGE_AREAS) as MessageArea[];

/** Adds these areas' messages (each area one request, once); every area when none is named (component tests). */
export function loadAreaMessages(areas: readonly MessageArea[] = ALL_AREAS): Promise<void> {
  return Promise.all(areas.map((area) => {
    let done = loading.get(area);
    if (!done) {
      done = MESSAGE_AREAS[area]().then((messages) => {
        Object.assign(fr, messages);
      });
      // A failed load (offline before the service worker had cached it) is tried again next time.
      done.catch(() => loading.delete(area));
      loading.set(area, done);
    }
    return done;
  })).then(() => undefined);
}
