# A non-daemon thread that never ends.
import threading
import time

threading.Thread(target=lambda: time.sleep(10**6), daemon=False).start()
