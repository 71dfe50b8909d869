import support from './support';

export default { support };
