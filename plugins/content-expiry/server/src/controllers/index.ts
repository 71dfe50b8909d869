import expiry from './expiry';

export default { expiry };
