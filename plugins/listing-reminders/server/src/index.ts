import register from './register';
import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import routes from './routes';
import controllers from './controllers';
import services from './services';

export default { register, bootstrap, config, contentTypes, routes, controllers, services };
