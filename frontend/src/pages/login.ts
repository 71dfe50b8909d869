import { h, replace } from '../dom';
import { t } from '../i18n';
import { runPage } from '../layout';
import { loginForm } from '../login-form';
import { href } from '../paths';

// The CMS links here ("log in to edit your listing"); after the email link the editor lands on the manage page.
runPage(null, t('loginTitle'), async (main) => {
  replace(main, h('h1', {}, t('loginTitle')), loginForm(t('loginIntro'), href('manage')));
});
