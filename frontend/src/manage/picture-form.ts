import { mediaUrl, request, type Picture } from '../api';
import { h, notice, replace } from '../dom';
import { field, onSubmit, statusArea } from '../forms';
import { t } from '../i18n';

export interface PictureFormOptions {
  /** PUT and DELETE go here, e.g. /api/my/organisations/:id/logo. */
  route: string;
  /** The field in the answer: logo or image. */
  field: 'logo' | 'image';
  current: Picture | null | undefined;
  legend: string;
}

/** The picture as it is now, small, with the text a screen reader reads. */
export const picturePreview = (picture: Picture | null | undefined, className = 'picture-preview') =>
  picture
    ? h('img', { class: className, src: mediaUrl(picture.formats?.thumbnail?.url ?? picture.url), alt: picture.alternativeText ?? '' })
    : h('p', { class: 'hint' }, t('noPicture'));

/**
 * An organisation's logo or an activity's picture: choose a file, say what
 * is on it, save; or remove it. A form of its own (multipart), next to the
 * text form, because a picture is sent as a file and checked on its own.
 */
export function pictureForm({ route, field: name, current, legend }: PictureFormOptions): HTMLElement {
  const preview = h('div', { class: 'picture-current' }, picturePreview(current));
  const status = statusArea();
  const remove = h('button', { type: 'button', class: 'link-button', hidden: !current }, t('removePicture'));
  const form = h(
    'form',
    { class: 'picture-form' },
    h(
      'fieldset',
      {},
      h('legend', {}, legend),
      preview,
      field({ name: 'file', label: t('pictureFileLabel'), type: 'file', required: true, hint: t('pictureFileHint') }),
      field({ name: 'alternativeText', label: t('alternativeTextLabel'), value: current?.alternativeText, hint: t('alternativeTextHint') })
    ),
    h('button', { type: 'submit' }, t('savePicture')),
    ' ',
    remove,
    status
  );
  form.querySelector<HTMLInputElement>('input[type=file]')!.accept = 'image/jpeg,image/png,image/webp';
  const show = (picture: Picture | null) => {
    replace(preview, picturePreview(picture));
    remove.hidden = !picture;
  };
  onSubmit(form, status, async () => {
    const { data } = await request<{ data: Record<string, Picture> }>(route, { method: 'PUT', auth: true, body: new FormData(form) });
    show(data[name]);
    form.querySelector<HTMLInputElement>('input[type=file]')!.value = '';
    return t('pictureSaved');
  });
  remove.addEventListener('click', async () => {
    try {
      await request(route, { method: 'DELETE', auth: true });
      show(null);
      replace(status, notice(t('pictureRemoved')));
    } catch (error) {
      replace(status, notice((error as Error).message, 'error'));
    }
  });
  return form;
}
