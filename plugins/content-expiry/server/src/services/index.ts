import expiry from './expiry';
import notices from './notices';
import restore from './restore';

export default { expiry, notices, restore };
