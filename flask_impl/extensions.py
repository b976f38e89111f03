"""The Flask extensions, created once here and bound to the app in create_app.

Twin: django_impl/config/settings.py (INSTALLED_APPS and MIDDLEWARE).
"""

from flask_babel import Babel
from flask_cors import CORS
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

from flask_impl.database import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
login_manager.login_view = "accounts.login"
login_manager.login_message = None
csrf = CSRFProtect()
babel = Babel()
cors = CORS()
# Counts in RATELIMIT_STORAGE_URI (config.py); the address is the proxy's X-Forwarded-For under
# the production profile (ProxyFix), the peer's otherwise.
limiter = Limiter(key_func=get_remote_address)
