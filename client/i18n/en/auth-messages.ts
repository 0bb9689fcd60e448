import type { authFr } from '../auth-messages.ts';

/** English for the auth messages (loaded only when English is chosen); a missing key falls back to French. */
export const authEn: Partial<Record<keyof typeof authFr, string>> = {
  'signIn.title': 'Sign in',
  'signIn.requiredNote': 'All fields are required.',
  'signIn.site': 'Site',
  'signIn.sitesLoading': 'Loading the sites…',
  'signIn.sitesOffline':
    'The list of sites could not be loaded: the first sign-in on this device needs a network connection. Connect to the Internet, then try again.',
  'signIn.sitesFailed': 'The list of sites could not be loaded. Try again in a few moments.',
  'signIn.sitesRetry': 'Try again',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.pending': 'Signing in…',
  'signIn.lostPassword': 'Lost password',
  'signIn.preregistration': 'Pre-registration',
  'signIn.accessibility': 'Accessibility',
  'signIn.expiredDefault': 'Your session has expired. Please sign in again.',
  'signIn.expiredSameAccount': 'Signing in again with the same account keeps your data and the changes waiting to be sent.',
  'signIn.expiredOtherAccount':
    'If you sign in with another account, the data of account “{username}” will be erased from this device, including the changes not sent yet.',
  'signIn.unexpectedError': 'Something unexpected went wrong. Try again; if the problem persists, contact the office.',

  'lostPassword.title': 'Lost password',
  'lostPassword.intro':
    'Enter your site, your username and the e-mail address registered in your account. If they match an account, you will receive an e-mail with a link to choose a new password yourself. The link is valid for one hour and works only once.',
  'lostPassword.noPasswordByMail': 'For your security, Portée never sends a password by e-mail.',
  'lostPassword.email': 'E-mail',
  'lostPassword.submit': 'Submit',
  'lostPassword.pending': 'Sending…',
  'lostPassword.backToSignIn': 'Back to sign-in',

  'resetPassword.title': 'Choose a new password',
  'resetPassword.intro': 'Choose the password you will use from now on to sign in to Portée.',
  'resetPassword.missingToken':
    'This link is incomplete: it lacks the token that lets you choose a new password. Open the whole link from the e-mail, or ask for a new one.',
  'resetPassword.requestNewLink': 'Ask for a new link',
  'resetPassword.newPassword': 'New password',
  'resetPassword.passwordHint':
    'At least {min} characters. The most common passwords are refused. You may paste the password, for instance from a password manager.',
  'resetPassword.confirmation': 'Confirmation',
  'resetPassword.confirmationHint': 'Type the new password again.',
  'resetPassword.submit': 'Save the password',
  'resetPassword.pending': 'Saving…',
  'resetPassword.signIn': 'Sign in',

  'changePassword.title': 'Password',
  'changePassword.intro':
    'Once the password is changed, your sessions open on other devices are closed and an e-mail confirms the change.',
  'changePassword.currentPassword': 'Current password',
  'changePassword.newPassword': 'New password',
  'changePassword.passwordHint':
    'At least {min} characters. The most common passwords are refused. You may paste the password, for instance from a password manager.',
  'changePassword.confirmation': 'Confirmation',
  'changePassword.confirmationHint': 'Type the new password again.',
  'changePassword.submit': 'Change the password',
  'changePassword.pending': 'Changing the password…',
};
