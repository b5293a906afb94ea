"""The catalogue of social media for social good case studies (the app)."""
