import config from './config';
import contentTypes from './content-types';
import routes from './routes';
import controllers from './controllers';
import services from './services';
import destroy from './destroy';

export default { config, contentTypes, routes, controllers, services, destroy };
