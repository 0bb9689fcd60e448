/** Messages of the sign-in and password pages (the accessibility page's are in accessibility-messages.ts). */
export const authFr = {
  'signIn.title': 'Connexion',
  'signIn.requiredNote': 'Tous les champs sont obligatoires.',
  'signIn.site': 'Site',
  'signIn.sitesLoading': 'Chargement des sites…',
  'signIn.sitesOffline':
    'La liste des sites n\u2019a pas pu être chargée : la première connexion sur cet appareil demande une connexion au réseau. Connectez-vous à Internet, puis réessayez.',
  'signIn.sitesFailed': 'La liste des sites n\u2019a pas pu être chargée. Réessayez dans quelques instants.',
  'signIn.sitesRetry': 'Réessayer',
  'signIn.username': 'Identifiant',
  'signIn.password': 'Mot de passe',
  'signIn.submit': 'Se connecter',
  'signIn.pending': 'Connexion en cours…',
  'signIn.lostPassword': 'Mot de passe perdu',
  'signIn.preregistration': 'Pré-inscription',
  'signIn.accessibility': 'Accessibilité',
  'signIn.expiredDefault': 'Votre session a expiré. Reconnectez-vous.',
  'signIn.expiredSameAccount':
    'En vous reconnectant avec le même compte, vous retrouvez vos données et les modifications en attente d\u2019envoi.',
  'signIn.expiredOtherAccount':
    'Si vous vous connectez avec un autre compte, les données du compte « {username} » seront effacées de cet appareil, y compris les modifications pas encore envoyées.',
  'signIn.unexpectedError': 'Une erreur inattendue s\u2019est produite. Réessayez ; si le problème continue, contactez le secrétariat.',

  'lostPassword.title': 'Mot de passe perdu',
  'lostPassword.intro':
    'Indiquez votre site, votre identifiant et l\u2019adresse e-mail enregistrée dans votre compte. S\u2019ils correspondent à un compte, vous recevrez un e-mail avec un lien pour choisir vous-même un nouveau mot de passe. Ce lien est valable une heure et ne sert qu\u2019une fois.',
  'lostPassword.noPasswordByMail': 'Pour votre sécurité, Portée n\u2019envoie jamais de mot de passe par e-mail.',
  'lostPassword.email': 'E-mail',
  'lostPassword.submit': 'Valider',
  'lostPassword.pending': 'Envoi en cours…',
  'lostPassword.backToSignIn': 'Retour à la connexion',

  'resetPassword.title': 'Choisir un nouveau mot de passe',
  'resetPassword.intro': 'Choisissez le mot de passe que vous utiliserez désormais pour vous connecter à Portée.',
  'resetPassword.missingToken':
    'Ce lien est incomplet : il ne contient pas le jeton qui permet de choisir un nouveau mot de passe. Ouvrez le lien reçu par e-mail en entier, ou demandez-en un nouveau.',
  'resetPassword.requestNewLink': 'Demander un nouveau lien',
  'resetPassword.newPassword': 'Nouveau mot de passe',
  'resetPassword.passwordHint':
    'Au moins {min} caractères. Les mots de passe les plus courants sont refusés. Vous pouvez coller le mot de passe, par exemple depuis un gestionnaire de mots de passe.',
  'resetPassword.confirmation': 'Confirmation',
  'resetPassword.confirmationHint': 'Saisissez à nouveau le nouveau mot de passe.',
  'resetPassword.submit': 'Enregistrer le mot de passe',
  'resetPassword.pending': 'Enregistrement en cours…',
  'resetPassword.signIn': 'Se connecter',

  'changePassword.title': 'Mot de passe',
  'changePassword.intro':
    'Une fois le mot de passe modifié, vos sessions ouvertes sur d\u2019autres appareils sont fermées et un e-mail vous confirme le changement.',
  'changePassword.currentPassword': 'Mot de passe actuel',
  'changePassword.newPassword': 'Nouveau mot de passe',
  'changePassword.passwordHint':
    'Au moins {min} caractères. Les mots de passe les plus courants sont refusés. Vous pouvez coller le mot de passe, par exemple depuis un gestionnaire de mots de passe.',
  'changePassword.confirmation': 'Confirmation',
  'changePassword.confirmationHint': 'Saisissez à nouveau le nouveau mot de passe.',
  'changePassword.submit': 'Modifier le mot de passe',
  'changePassword.pending': 'Modification en cours…',
} as const;
